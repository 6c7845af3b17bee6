package com.cotalk.message.stream;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.lettuce.core.AbstractRedisClient;
import io.lettuce.core.Consumer;
import io.lettuce.core.Limit;
import io.lettuce.core.Range;
import io.lettuce.core.RedisClient;
import io.lettuce.core.StreamMessage;
import io.lettuce.core.XAddArgs;
import io.lettuce.core.XAutoClaimArgs;
import io.lettuce.core.XReadArgs;
import io.lettuce.core.api.StatefulConnection;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisStreamCommands;
import io.lettuce.core.cluster.RedisClusterClient;
import io.lettuce.core.cluster.api.StatefulRedisClusterConnection;
import io.lettuce.core.codec.StringCodec;
import io.lettuce.core.models.stream.ClaimedMessages;
import io.lettuce.core.models.stream.PendingMessage;

/**
 * One partition stream as its reader sees it, over the reader's own connection. Every
 * command names one key of the partition (or its dead-letter stream, which shares the
 * hash tag), so all of them run on one Redis Cluster slot.
 */
class PartitionStream implements AutoCloseable {

	/**
	 * Dead letters are for operators to inspect; a flood of them must not eat Redis's
	 * memory.
	 */
	private static final long DEAD_LETTER_MAX_LENGTH = 100_000;

	private final StatefulConnection<String, String> connection;

	private final RedisStreamCommands<String, String> redis;

	private final String key;

	private final String deadLetterKey;

	private final Consumer<String> consumer;

	private final StreamGroups groups;

	private PartitionStream(StatefulConnection<String, String> connection, RedisStreamCommands<String, String> redis,
			String key, String deadLetterKey, String group, String consumerName) {
		this.connection = connection;
		this.redis = redis;
		this.key = key;
		this.deadLetterKey = deadLetterKey;
		this.consumer = Consumer.from(group, consumerName);
		this.groups = new StreamGroups(redis, key, this.consumer);
	}

	/**
	 * Opens a connection of its own (a blocking read must not hold up the shared
	 * connection every other Redis call of the service goes through), on a single Redis
	 * or on a Redis Cluster alike.
	 */
	static PartitionStream open(AbstractRedisClient client, String key, String deadLetterKey, String group,
			String consumerName, Duration timeout) {
		if (client instanceof RedisClusterClient cluster) {
			StatefulRedisClusterConnection<String, String> connection = cluster.connect(StringCodec.UTF8);
			connection.setTimeout(timeout);
			return new PartitionStream(connection, connection.sync(), key, deadLetterKey, group, consumerName);
		}
		if (client instanceof RedisClient single) {
			StatefulRedisConnection<String, String> connection = single.connect(StringCodec.UTF8);
			connection.setTimeout(timeout);
			return new PartitionStream(connection, connection.sync(), key, deadLetterKey, group, consumerName);
		}
		throw new IllegalStateException("Unsupported Redis client " + client.getClass().getName());
	}

	@Override
	public void close() {
		this.connection.close();
	}

	/** The group bookkeeping of the stream, over the same connection. */
	StreamGroups groups() {
		return this.groups;
	}

	String key() {
		return this.key;
	}

	String group() {
		return this.consumer.getGroup();
	}

	String consumerName() {
		return this.consumer.getName();
	}

	/**
	 * Entries never delivered to the group yet, waiting up to {@code block} for some to
	 * arrive.
	 */
	List<StreamMessage<String, String>> readNew(int count, Duration block) {
		List<StreamMessage<String, String>> entries = this.redis.xreadgroup(this.consumer,
				XReadArgs.Builder.count(count).block(block), XReadArgs.StreamOffset.lastConsumed(this.key));
		return (entries != null) ? entries : List.of();
	}

	/**
	 * Takes over entries that some consumer of the group (a crashed instance, most
	 * likely) left unacknowledged for at least {@code minIdle}, scanning the pending list
	 * from {@code cursor}. Each claim counts as a delivery.
	 */
	ClaimedMessages<String, String> claimIdle(String cursor, Duration minIdle, int count) {
		return this.redis.xautoclaim(this.key,
				XAutoClaimArgs.Builder.xautoclaim(this.consumer, minIdle, cursor).count(count));
	}

	/**
	 * How often the entry has been delivered to the group; 0 when it is no longer
	 * pending.
	 */
	long deliveries(String id) {
		List<PendingMessage> pending = this.redis.xpending(this.key, group(), Range.create(id, id), Limit.from(1));
		return pending.isEmpty() ? 0 : pending.get(0).getRedeliveryCount();
	}

	void ack(Collection<String> ids) {
		if (!ids.isEmpty()) {
			this.redis.xack(this.key, group(), ids.toArray(String[]::new));
		}
	}

	/**
	 * Copies the entry with the reason to the partition's dead-letter stream; the caller
	 * acknowledges it.
	 */
	void deadLetter(StreamMessage<String, String> entry, String reason, long deliveries) {
		Map<String, String> letter = new LinkedHashMap<>();
		letter.put("stream", this.key);
		letter.put("id", entry.getId());
		letter.put("reason", reason);
		letter.put("deliveries", Long.toString(deliveries));
		letter.put("consumer", consumerName());
		letter.put("at", Instant.now().toString());
		if (entry.getBody() != null) {
			entry.getBody().forEach((field, value) -> letter.putIfAbsent("entry." + field, value));
		}
		this.redis.xadd(this.deadLetterKey, new XAddArgs().maxlen(DEAD_LETTER_MAX_LENGTH).approximateTrimming(),
				letter);
	}

}
