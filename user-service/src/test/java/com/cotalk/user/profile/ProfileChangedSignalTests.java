package com.cotalk.user.profile;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;

import io.lettuce.core.RedisClient;
import io.lettuce.core.pubsub.RedisPubSubAdapter;
import io.lettuce.core.pubsub.StatefulRedisPubSubConnection;

/**
 * What friend-service will rely on: a committed profile edit announces the user id on the
 * Redis channel.
 */
class ProfileChangedSignalTests extends ApiTestSupport {

	@Value("${spring.data.redis.url}")
	String redisUrl;

	private final BlockingQueue<String> received = new LinkedBlockingQueue<>();

	private RedisClient client;

	private StatefulRedisPubSubConnection<String, String> connection;

	@BeforeEach
	void subscribe() {
		this.client = RedisClient.create(this.redisUrl);
		this.connection = this.client.connectPubSub();
		this.connection.addListener(new RedisPubSubAdapter<>() {
			@Override
			public void message(String channel, String message) {
				ProfileChangedSignalTests.this.received.add(message);
			}
		});
		// returns once Redis confirmed the subscription, so nothing published afterwards
		// is missed
		this.connection.sync().subscribe(ProfileChangedPublisher.CHANNEL);
	}

	@AfterEach
	void unsubscribe() {
		this.connection.close();
		this.client.shutdown();
	}

	@Test
	void announcesAnEditedProfile() throws InterruptedException {
		TestUser user = createUser("Signal");
		assertThat(this.api.patch("/api/users/me", user.token(), Map.of("statusMessage", "new")).status())
			.isEqualTo(200);
		assertThat(awaitSignalFor(user, 5)).isTrue();
	}

	@Test
	void staysQuietWhenNothingChanged() throws InterruptedException {
		TestUser user = createUser("Quiet");
		this.api.patch("/api/users/me", user.token(), Map.of());
		this.api.patch("/api/users/me", user.token(), Map.of("displayName", "Quiet"));
		assertThat(awaitSignalFor(user, 1)).isFalse();
	}

	private boolean awaitSignalFor(TestUser user, int seconds) throws InterruptedException {
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
		while (System.nanoTime() < deadline) {
			String message = this.received.poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
			if (user.id().toString().equals(message)) {
				return true;
			}
		}
		return false;
	}

}
