package com.cotalk.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.cotalk.common.events.EventStreams;
import com.cotalk.common.events.FriendEvent;
import com.cotalk.common.presence.PresenceKeys;
import com.cotalk.common.presence.UserChannels;
import com.cotalk.testsupport.TestInfrastructure;

import io.lettuce.core.RedisClient;
import io.lettuce.core.codec.ByteArrayCodec;
import io.lettuce.core.pubsub.RedisPubSubAdapter;
import io.lettuce.core.pubsub.StatefulRedisPubSubConnection;
import tools.jackson.databind.JsonNode;

/**
 * A new notification goes at once to the chat-service instance holding the user's live
 * session, on that instance's channel, as chat-service's presence events do. Here the
 * instance is played by a plain Redis subscriber.
 */
class LiveNotificationTests extends NotificationTestSupport {

	final String instance = "fake-instance-" + UUID.randomUUID();

	final BlockingQueue<byte[]> received = new LinkedBlockingQueue<>();

	RedisClient client;

	StatefulRedisPubSubConnection<byte[], byte[]> subscriber;

	@BeforeEach
	void subscribeAsAnInstance() {
		this.client = RedisClient.create(TestInfrastructure.redisUrl());
		this.subscriber = this.client.connectPubSub(ByteArrayCodec.INSTANCE);
		this.subscriber.addListener(new RedisPubSubAdapter<>() {
			@Override
			public void message(byte[] channel, byte[] message) {
				LiveNotificationTests.this.received.add(message);
			}
		});
		this.subscriber.sync().subscribe(UserChannels.channel(this.instance).getBytes());
	}

	@AfterEach
	void unsubscribe() {
		this.subscriber.close();
		this.client.shutdown();
	}

	@Test
	void aNewNotificationReachesTheInstanceHoldingTheUsersSession() throws Exception {
		TestUser alice = user("Alice");
		TestUser bob = user("Bob");
		online(bob, this.instance, "session-1");
		UUID requestId = UUID.randomUUID();
		append(EventStreams.FRIENDS, FriendEvent.of(FriendEvent.Type.FRIEND_REQUEST_CREATED, alice.id(), bob.id(),
				requestId, Instant.now()));

		byte[] payload = this.received.poll(15, TimeUnit.SECONDS);
		assertThat(payload).as("a live event").isNotNull();
		UserChannels.Delivery delivery = UserChannels.decode(payload);
		assertThat(delivery).isNotNull();
		assertThat(delivery.users()).containsExactly(bob.id());
		assertThat(delivery.droppable()).as("never dropped like presence").isFalse();
		JsonNode event = this.json.readTree(delivery.event());
		assertThat(event.path("type").asString()).isEqualTo("notification");
		assertThat(event.path("notificationType").asString()).isEqualTo("FRIEND_REQUEST");
		assertThat(event.path("read").asBoolean()).isFalse();
		assertThat(event.path("createdAt").asString()).matches(TIMESTAMP);
		assertThat(event.path("data").path("fromUserId").asString()).isEqualTo(alice.id().toString());
		assertThat(event.path("data").path("requestId").asString()).isEqualTo(requestId.toString());
		JsonNode stored = items(bob).get(0);
		assertThat(event.path("notificationId").asString()).isEqualTo(stored.path("notificationId").asString());
	}

	@Test
	void aUserWithoutALiveSessionGetsNothingLive() throws Exception {
		TestUser alice = user("Alice");
		TestUser bob = user("Bob");
		this.redis.opsForZSet()
			.add(PresenceKeys.key(bob.id()), this.instance + ":expired",
					System.currentTimeMillis() - Duration.ofSeconds(5).toMillis());
		append(EventStreams.FRIENDS, FriendEvent.of(FriendEvent.Type.FRIEND_REQUEST_CREATED, alice.id(), bob.id(),
				UUID.randomUUID(), Instant.now()));

		awaitItem(bob, (item) -> item.path("type").asString().equals("FRIEND_REQUEST"));
		assertThat(this.received.poll(500, TimeUnit.MILLISECONDS)).isNull();
	}

}
