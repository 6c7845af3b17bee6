package com.cotalk.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.locks.LockSupport;

import com.cotalk.testsupport.ApiClient;

/**
 * The friend list of a user with many friends ({@code GET /api/friends}): one user signed
 * up through the gateway, N friends with profiles seeded straight into the stack's
 * database (signing up 1,000 users would measure bcrypt), then sequential requests at the
 * service and through the gateway, after a warm-up that fills the profile cache.
 */
final class FriendListBench {

	private final int friends;

	private final int requests;

	private final int warmup;

	private final String gateway;

	private final String service;

	private final String db;

	private final String dbUser;

	FriendListBench(Map<String, String> options) {
		this.friends = Integer.parseInt(options.getOrDefault("friends", "1000"));
		this.requests = Integer.parseInt(options.getOrDefault("requests", "2000"));
		this.warmup = Integer.parseInt(options.getOrDefault("warmup", "300"));
		this.gateway = options.getOrDefault("gateway", "http://localhost:8080");
		this.service = options.getOrDefault("service", "http://localhost:8083");
		this.db = options.getOrDefault("db", "jdbc:postgresql://localhost:15432/cotalk");
		this.dbUser = options.getOrDefault("db-user", "postgres");
	}

	void run() throws Exception {
		ApiClient viaGateway = new ApiClient(this.gateway);
		String email = "bench-" + UUID.randomUUID() + "@bench.test";
		var signUp = viaGateway.post("/api/auth/signup", null,
				Map.of("email", email, "password", "bench password", "displayName", "Bench"));
		String me = signUp.text("userId");
		String token = viaGateway.post("/api/auth/login", null, Map.of("email", email, "password", "bench password"))
			.text("accessToken");
		seed(UUID.fromString(me));

		ApiClient direct = new ApiClient(this.service);
		var first = direct.get("/api/friends", token);
		if (first.status() != 200 || first.json().path("items").size() != this.friends) {
			throw new IllegalStateException("Unexpected friend list: " + first.status());
		}
		System.out.printf("friend list of %d friends, %d sequential requests after %d warm-up requests%n", this.friends,
				this.requests, this.warmup);
		System.out.println("  at friend-service: " + measure(direct, token, this.warmup, this.requests, 0));
		// paced below the gateway's per-user limit (20/s), which would otherwise answer
		// 429
		System.out.println("  through gateway:   " + measure(viaGateway, token, 0, 300, 15));
	}

	private String measure(ApiClient api, String token, int warmups, int count, int perSecond) {
		for (int i = 0; i < warmups; i++) {
			api.get("/api/friends", token);
		}
		Latencies latencies = new Latencies(count);
		long next = System.nanoTime();
		for (int i = 0; i < count; i++) {
			if (perSecond > 0) {
				next += 1_000_000_000L / perSecond;
				long wait = next - System.nanoTime();
				if (wait > 0) {
					LockSupport.parkNanos(wait);
				}
			}
			long start = System.nanoTime();
			var response = api.get("/api/friends", token);
			latencies.record(System.nanoTime() - start);
			if (response.status() != 200) {
				throw new IllegalStateException("GET /api/friends answered " + response.status());
			}
		}
		return latencies.summary();
	}

	private void seed(UUID me) throws Exception {
		try (Connection connection = DriverManager.getConnection(this.db, this.dbUser, "postgres")) {
			connection.setAutoCommit(false);
			try (PreparedStatement profile = connection
				.prepareStatement("INSERT INTO users.profiles (user_id, email, display_name) VALUES (?, ?, ?)");
					PreparedStatement friendship = connection.prepareStatement(
							"INSERT INTO friends.friendships (user_id, friend_id) VALUES (?, ?), (?, ?)")) {
				for (int n = 0; n < this.friends; n++) {
					UUID id = UUID.randomUUID();
					profile.setObject(1, id);
					profile.setString(2, "bench-" + id + "@bench.test");
					profile.setString(3, (n % 2 == 0) ? (char) (0xAC00 + (n * 7) % 11172) + "민" : "user" + n);
					profile.addBatch();
					friendship.setObject(1, me);
					friendship.setObject(2, id);
					friendship.setObject(3, id);
					friendship.setObject(4, me);
					friendship.addBatch();
				}
				profile.executeBatch();
				friendship.executeBatch();
			}
			connection.commit();
		}
	}

}
