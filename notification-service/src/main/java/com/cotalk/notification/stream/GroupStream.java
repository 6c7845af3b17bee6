package com.cotalk.notification.stream;

import java.time.Duration;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import io.lettuce.core.AbstractRedisClient;
import io.lettuce.core.Consumer;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisCommandExecutionException;
import io.lettuce.core.StreamMessage;
import io.lettuce.core.XAutoClaimArgs;
import io.lettuce.core.XGroupCreateArgs;
import io.lettuce.core.XReadArgs;
import io.lettuce.core.api.StatefulConnection;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisStreamCommands;
import io.lettuce.core.cluster.RedisClusterClient;
import io.lettuce.core.cluster.api.StatefulRedisClusterConnection;
import io.lettuce.core.codec.StringCodec;
import io.lettuce.core.models.stream.ClaimedMessages;

/**
 * One stream as its reader sees it, over the reader's own connection (a blocking read
 * must not hold up the shared one), on a single Redis or a Redis Cluster alike: every
 * command names the one key.
 */
final class GroupStream implements AutoCloseable {

	private final StatefulConnection<String, String> connection;

	private final RedisStreamCommands<String, String> redis;

	private final String key;

	private final Consumer<String> consumer;

	private GroupStream(StatefulConnection<String, String> connection, RedisStreamCommands<String, String> redis,
			String key, Consumer<String> consumer) {
		this.connection = connection;
		this.redis = redis;
		this.key = key;
		this.consumer = consumer;
	}

	static GroupStream open(AbstractRedisClient client, String key, String group, String consumerName,
			Duration timeout) {
		Consumer<String> consumer = Consumer.from(group, consumerName);
		if (client instanceof RedisClusterClient cluster) {
			StatefulRedisClusterConnection<String, String> connection = cluster.connect(StringCodec.UTF8);
			connection.setTimeout(timeout);
			return new GroupStream(connection, connection.sync(), key, consumer);
		}
		if (client instanceof RedisClient single) {
			StatefulRedisConnection<String, String> connection = single.connect(StringCodec.UTF8);
			connection.setTimeout(timeout);
			return new GroupStream(connection, connection.sync(), key, consumer);
		}
		throw new IllegalStateException("Unsupported Redis client " + client.getClass().getName());
	}

	@Override
	public void close() {
		this.connection.close();
	}

	String key() {
		return this.key;
	}

	/** Creates the group (and the stream) unless the group exists. */
	void ensureGroup(StreamSubscription.Start start) {
		String offset = (start == StreamSubscription.Start.BEGINNING) ? "0" : "$";
		try {
			this.redis.xgroupCreate(XReadArgs.StreamOffset.from(this.key, offset), this.consumer.getGroup(),
					XGroupCreateArgs.Builder.mkstream());
		}
		catch (RedisCommandExecutionException ex) {
			if (ex.getMessage() == null || !ex.getMessage().startsWith("BUSYGROUP")) {
				throw ex;
			}
		}
	}

	/** Entries never delivered to the group, waiting up to {@code block} for some. */
	List<StreamMessage<String, String>> readNew(int count, Duration block) {
		List<StreamMessage<String, String>> entries = this.redis.xreadgroup(this.consumer,
				XReadArgs.Builder.count(count).block(block), XReadArgs.StreamOffset.lastConsumed(this.key));
		return (entries != null) ? entries : List.of();
	}

	/**
	 * Takes over entries some consumer of the group left unacknowledged for at least
	 * {@code minIdle}, scanning the pending list from {@code cursor}.
	 */
	ClaimedMessages<String, String> claimIdle(String cursor, Duration minIdle, int count) {
		return this.redis.xautoclaim(this.key,
				XAutoClaimArgs.Builder.xautoclaim(this.consumer, minIdle, cursor).count(count));
	}

	void ack(Collection<String> ids) {
		if (!ids.isEmpty()) {
			this.redis.xack(this.key, this.consumer.getGroup(), ids.toArray(String[]::new));
		}
	}

	/**
	 * What waits for the group: entries delivered but not acknowledged, and entries not
	 * yet delivered ({@code -1} where Redis cannot tell: before Redis 7, or after entries
	 * were deleted).
	 */
	GroupState groupState() {
		for (Object group : this.redis.xinfoGroups(this.key)) {
			Map<String, @Nullable Object> info = pairs((List<?>) group);
			if (this.consumer.getGroup().equals(String.valueOf(info.get("name")))) {
				return new GroupState(number(info.get("pending"), 0), number(info.get("lag"), -1));
			}
		}
		return new GroupState(0, -1);
	}

	record GroupState(long pending, long lag) {
	}

	/**
	 * Forgets consumers that hold nothing and were idle for {@code expiry} (every start
	 * brings a new consumer name); with {@code self}, this reader's own consumer too
	 * (when it stops), unless something is pending for it.
	 */
	int removeIdleConsumers(Duration expiry, boolean self) {
		int removed = 0;
		for (Object consumer : this.redis.xinfoConsumers(this.key, this.consumer.getGroup())) {
			Map<String, @Nullable Object> info = pairs((List<?>) consumer);
			String name = String.valueOf(info.get("name"));
			boolean mine = name.equals(this.consumer.getName());
			if (number(info.get("pending"), 1) == 0
					&& (mine ? self : !self && number(info.get("idle"), 0) > expiry.toMillis())) {
				this.redis.xgroupDelconsumer(this.key, Consumer.from(this.consumer.getGroup(), name));
				removed++;
			}
		}
		return removed;
	}

	private static Map<String, @Nullable Object> pairs(List<?> flat) {
		Map<String, @Nullable Object> map = new LinkedHashMap<>();
		for (int i = 0; i + 1 < flat.size(); i += 2) {
			map.put(String.valueOf(flat.get(i)), flat.get(i + 1));
		}
		return map;
	}

	private static long number(@Nullable Object value, long fallback) {
		if (value instanceof Number n) {
			return n.longValue();
		}
		try {
			return (value != null) ? Long.parseLong(value.toString()) : fallback;
		}
		catch (NumberFormatException ex) {
			return fallback;
		}
	}

}
