package com.cotalk.chat.delivery;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

import io.lettuce.core.AbstractRedisClient;
import io.lettuce.core.RedisClient;
import io.lettuce.core.cluster.RedisClusterClient;
import io.lettuce.core.codec.ByteArrayCodec;
import io.lettuce.core.pubsub.RedisPubSubAdapter;
import io.lettuce.core.pubsub.StatefulRedisPubSubConnection;
import jakarta.annotation.PreDestroy;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.redis.connection.RedisConnection;
import org.springframework.data.redis.connection.ReturnType;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.RedisCallback;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.stereotype.Component;

import com.cotalk.chat.ChatProperties;
import com.cotalk.chat.MessagePathProperties;
import com.cotalk.chat.presence.InstanceId;
import com.cotalk.common.messages.MessageKeys;
import com.cotalk.common.presence.UserChannels;

/**
 * The rooms' Redis channels as this instance uses them: one dedicated pub/sub connection
 * ({@code SUBSCRIBE}, or {@code SSUBSCRIBE} with {@code sharded-pubsub}) for the rooms
 * that have a member connected here, and publishing of the events chat-service makes
 * besides messages (read, typing). The same connection carries this instance's own
 * channel, on which events for particular users connected here arrive (presence).
 * Messages arrive on Lettuce's event loop one after the other, in the order Redis sent
 * them. Lettuce resubscribes after a reconnect; what was published meanwhile is caught up
 * by clients over REST ({@code after=lastSeq}).
 */
@Component
class RoomChannels {

	private static final Logger log = LoggerFactory.getLogger(RoomChannels.class);

	/**
	 * {@code PUBLISH} or {@code SPUBLISH} with the channel declared as a key, so that
	 * Redis Cluster routes it by the room's hash tag like the send script.
	 */
	private static final byte[] PUBLISH_SCRIPT = "return redis.call(ARGV[1], KEYS[1], ARGV[2])"
		.getBytes(StandardCharsets.US_ASCII);

	private final LettuceConnectionFactory connectionFactory;

	private final StringRedisTemplate redis;

	private final int partitions;

	private final boolean sharded;

	private volatile @Nullable BiConsumer<UUID, byte[]> listener;

	private volatile @Nullable Consumer<byte[]> instanceListener;

	private final byte[] instanceChannel;

	private @Nullable StatefulRedisPubSubConnection<byte[], byte[]> connection;

	RoomChannels(LettuceConnectionFactory connectionFactory, StringRedisTemplate redis, MessagePathProperties path,
			ChatProperties properties, InstanceId instance) {
		this.instanceChannel = instance.channel().getBytes(StandardCharsets.UTF_8);
		this.connectionFactory = connectionFactory;
		this.redis = redis;
		this.partitions = path.partitions();
		this.sharded = properties.shardedPubsub();
	}

	void onEvent(BiConsumer<UUID, byte[]> listener) {
		this.listener = listener;
	}

	/** Subscribes this instance's own channel; completes when Redis confirmed it. */
	CompletableFuture<Void> onInstanceEvent(Consumer<byte[]> listener) {
		this.instanceListener = listener;
		var commands = connection().async();
		return (this.sharded ? commands.ssubscribe(this.instanceChannel) : commands.subscribe(this.instanceChannel))
			.toCompletableFuture();
	}

	byte[] channel(UUID roomId) {
		return MessageKeys.roomChannel(MessageKeys.partition(roomId, this.partitions), roomId)
			.getBytes(StandardCharsets.UTF_8);
	}

	/** Completes when Redis confirmed the subscriptions. */
	CompletableFuture<Void> subscribe(Collection<UUID> roomIds) {
		if (roomIds.isEmpty()) {
			return CompletableFuture.completedFuture(null);
		}
		byte[][] channels = roomIds.stream().map(this::channel).toArray(byte[][]::new);
		var commands = connection().async();
		return (this.sharded ? commands.ssubscribe(channels) : commands.subscribe(channels)).toCompletableFuture();
	}

	void unsubscribe(Collection<UUID> roomIds) {
		if (roomIds.isEmpty()) {
			return;
		}
		byte[][] channels = roomIds.stream().map(this::channel).toArray(byte[][]::new);
		var commands = connection().async();
		if (this.sharded) {
			commands.sunsubscribe(channels);
		}
		else {
			commands.unsubscribe(channels);
		}
	}

	/** Publishes each event on its room's channel, in one pipeline. */
	void publish(List<Map.Entry<UUID, byte[]>> events) {
		publishOn(events.stream().map((event) -> Map.entry(channel(event.getKey()), event.getValue())).toList());
	}

	/** Publishes each payload on its instance's channel, in one pipeline. */
	void publishToInstances(Map<String, byte[]> payloads) {
		publishOn(payloads.entrySet()
			.stream()
			.map((payload) -> Map.entry(UserChannels.channel(payload.getKey()).getBytes(StandardCharsets.UTF_8),
					payload.getValue()))
			.toList());
	}

	private void publishOn(List<Map.Entry<byte[], byte[]>> events) {
		if (events.isEmpty()) {
			return;
		}
		byte[] command = (this.sharded ? "SPUBLISH" : "PUBLISH").getBytes(StandardCharsets.US_ASCII);
		this.redis.executePipelined((RedisCallback<Object>) (RedisConnection redisConnection) -> {
			for (Map.Entry<byte[], byte[]> event : events) {
				redisConnection.scriptingCommands()
					.eval(PUBLISH_SCRIPT, ReturnType.INTEGER, 1, event.getKey(), command, event.getValue());
			}
			return null;
		});
	}

	private synchronized StatefulRedisPubSubConnection<byte[], byte[]> connection() {
		if (this.connection == null) {
			AbstractRedisClient client = this.connectionFactory.getRequiredNativeClient();
			StatefulRedisPubSubConnection<byte[], byte[]> connected = (client instanceof RedisClusterClient cluster)
					? cluster.connectPubSub(ByteArrayCodec.INSTANCE)
					: ((RedisClient) client).connectPubSub(ByteArrayCodec.INSTANCE);
			connected.addListener(new RedisPubSubAdapter<>() {
				@Override
				public void message(byte[] channel, byte[] message) {
					dispatch(channel, message);
				}

				@Override
				public void smessage(byte[] channel, byte[] message) {
					dispatch(channel, message);
				}
			});
			this.connection = connected;
		}
		return this.connection;
	}

	private void dispatch(byte[] channel, byte[] message) {
		if (Arrays.equals(channel, this.instanceChannel)) {
			Consumer<byte[]> own = this.instanceListener;
			if (own != null) {
				own.accept(message);
			}
			return;
		}
		BiConsumer<UUID, byte[]> target = this.listener;
		if (target == null || channel.length < 36) {
			return;
		}
		try {
			UUID roomId = UUID.fromString(new String(channel, channel.length - 36, 36, StandardCharsets.US_ASCII));
			target.accept(roomId, message);
		}
		catch (RuntimeException ex) {
			log.warn("Could not deliver an event of channel {}: {}", new String(channel, StandardCharsets.UTF_8),
					ex.toString());
		}
	}

	@PreDestroy
	synchronized void close() {
		if (this.connection != null) {
			this.connection.close();
			this.connection = null;
		}
	}

}
