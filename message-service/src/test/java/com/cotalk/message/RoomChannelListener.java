package com.cotalk.message;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import org.jspecify.annotations.Nullable;

import com.cotalk.common.messages.MessageKeys;
import com.cotalk.testsupport.TestInfrastructure;

import io.lettuce.core.RedisClient;
import io.lettuce.core.pubsub.RedisPubSubAdapter;
import io.lettuce.core.pubsub.StatefulRedisPubSubConnection;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Listens on a room's Redis channel with its own client, as chat-service's fan-out does:
 * what arrives here is what every member's sessions would get.
 */
public final class RoomChannelListener implements AutoCloseable {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final RedisClient client = RedisClient.create(TestInfrastructure.redisUrl());

	private final StatefulRedisPubSubConnection<String, String> connection;

	private final BlockingQueue<String> received = new LinkedBlockingQueue<>();

	private RoomChannelListener(UUID roomId) {
		this.connection = this.client.connectPubSub();
		this.connection.addListener(new RedisPubSubAdapter<>() {
			@Override
			public void message(String channel, String message) {
				RoomChannelListener.this.received.add(message);
			}
		});
		// returns once Redis confirmed the subscription
		this.connection.sync()
			.subscribe(MessageKeys.roomChannel(MessageKeys.partition(roomId, MessageKeys.DEFAULT_PARTITIONS), roomId));
	}

	public static RoomChannelListener listen(UUID roomId) {
		return new RoomChannelListener(roomId);
	}

	/** The next event published on the channel, as JSON; null when none came in time. */
	public @Nullable JsonNode next(Duration within) throws InterruptedException {
		String message = this.received.poll(within.toMillis(), TimeUnit.MILLISECONDS);
		return (message != null) ? JSON.readTree(message.getBytes(StandardCharsets.UTF_8)) : null;
	}

	@Override
	public void close() {
		this.connection.close();
		this.client.shutdown();
	}

}
