package com.cotalk.bench;

import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.locks.LockSupport;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.messaging.simp.stomp.StompHeaders;
import org.springframework.messaging.simp.stomp.StompSession;
import org.springframework.messaging.simp.stomp.StompSessionHandler;
import org.springframework.web.socket.WebSocketHttpHeaders;
import org.springframework.web.socket.messaging.WebSocketStompClient;

import com.cotalk.testsupport.ApiClient;

import io.jsonwebtoken.Jwts;

/**
 * Co-Talk through the gateway, as clients use it: each connection is its own user
 * (CONNECT with a bearer token), subscribed to {@code /user/queue/events}; a room is a
 * group of {@code room-size} users; messages go to {@code /app/rooms/{id}/messages}.
 * Users are seeded straight into the stack's database and their tokens signed with the
 * stack's development key (read from the database), because signing up a thousand users
 * would measure bcrypt.
 */
final class CoTalkTarget implements StompTarget {

	private static final Pattern CLIENT_MSG_ID = Pattern.compile("\"clientMsgId\":\"b-(\\d+)\"");

	private final String wsUrl;

	private final List<String> tokens = new ArrayList<>();

	private final List<String> roomIds = new ArrayList<>();

	CoTalkTarget(Map<String, String> options) throws Exception {
		String gateway = options.getOrDefault("gateway", "http://localhost:8080");
		this.wsUrl = gateway.replaceFirst("^http", "ws") + "/ws";
		int connections = Integer.parseInt(options.getOrDefault("connections", "1000"));
		int roomSize = Integer.parseInt(options.getOrDefault("room-size", "10"));
		String db = options.getOrDefault("db", "jdbc:postgresql://localhost:15432/cotalk");
		List<UUID> users = new ArrayList<>();
		try (Connection connection = DriverManager.getConnection(db, options.getOrDefault("db-user", "postgres"),
				"postgres")) {
			Signer signer = signer(connection);
			try (PreparedStatement insert = connection
				.prepareStatement("INSERT INTO users.profiles (user_id, email, display_name) VALUES (?, ?, ?)")) {
				for (int i = 0; i < connections; i++) {
					UUID id = UUID.randomUUID();
					insert.setObject(1, id);
					insert.setString(2, "stomp-" + id + "@bench.test");
					insert.setString(3, "bench " + i);
					insert.addBatch();
					users.add(id);
					this.tokens.add(signer.token(id));
				}
				insert.executeBatch();
			}
		}
		ApiClient api = new ApiClient(gateway);
		for (int room = 0; room < connections / roomSize; room++) {
			List<String> others = users.subList(room * roomSize + 1, (room + 1) * roomSize)
				.stream()
				.map(UUID::toString)
				.toList();
			var created = api.post("/api/rooms", this.tokens.get(room * roomSize),
					Map.of("type", "GROUP", "name", "bench " + room, "memberIds", others));
			if (created.status() != 201) {
				throw new IllegalStateException("Could not create a room: " + created);
			}
			this.roomIds.add(created.text("roomId"));
			LockSupport.parkNanos(Duration.ofMillis(25).toNanos()); // under the gateway's
																	// per-address limit
		}
	}

	@Override
	public String name() {
		return "Co-Talk (through the gateway)";
	}

	@Override
	public CompletableFuture<StompSession> connect(WebSocketStompClient client, int index,
			StompSessionHandler handler) {
		LockSupport.parkNanos(Duration.ofMillis(25).toNanos()); // handshakes under the
																// per-address limit
		StompHeaders connect = new StompHeaders();
		connect.set("Authorization", "Bearer " + this.tokens.get(index));
		return client.connectAsync(this.wsUrl, new WebSocketHttpHeaders(), connect, handler);
	}

	@Override
	public String subscription(int room) {
		return "/user/queue/events";
	}

	@Override
	public String destination(int room) {
		return "/app/rooms/" + this.roomIds.get(room) + "/messages";
	}

	@Override
	public byte[] body(long messageId, int room) {
		return ("{\"clientMsgId\":\"b-" + messageId + "\",\"contentType\":\"TEXT\",\"content\":\"load " + messageId
				+ "\"}")
			.getBytes(StandardCharsets.UTF_8);
	}

	@Override
	public long messageId(byte[] body) {
		Matcher matcher = CLIENT_MSG_ID.matcher(new String(body, StandardCharsets.UTF_8));
		return matcher.find() ? Long.parseLong(matcher.group(1)) : -1;
	}

	private record Signer(String kid, PrivateKey key) {

		String token(UUID userId) {
			Instant now = Instant.now();
			return Jwts.builder()
				.header()
				.keyId(this.kid)
				.and()
				.subject(userId.toString())
				.issuer("cotalk")
				.audience()
				.add("cotalk-api")
				.and()
				.issuedAt(Date.from(now))
				.expiration(Date.from(now.plus(Duration.ofHours(1))))
				.id(UUID.randomUUID().toString())
				.signWith(this.key, Jwts.SIG.RS256)
				.compact();
		}

	}

	/**
	 * The development key ./cotalk generated; a stack with a configured key must be given
	 * its PEM instead.
	 */
	private static Signer signer(Connection connection) throws Exception {
		try (PreparedStatement select = connection
			.prepareStatement("SELECT kid, private_key FROM auth.signing_keys ORDER BY created_at DESC LIMIT 1");
				ResultSet rs = select.executeQuery()) {
			if (!rs.next()) {
				throw new IllegalStateException("No development signing key in auth.signing_keys");
			}
			String pem = rs.getString(2)
				.replace("-----BEGIN PRIVATE KEY-----", "")
				.replace("-----END PRIVATE KEY-----", "")
				.replaceAll("\\s", "");
			PrivateKey key = KeyFactory.getInstance("RSA")
				.generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(pem)));
			return new Signer(rs.getString(1), key);
		}
	}

}
