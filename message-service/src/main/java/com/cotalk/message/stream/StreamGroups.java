package com.cotalk.message.stream;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import io.lettuce.core.Consumer;
import io.lettuce.core.RedisCommandExecutionException;
import io.lettuce.core.XGroupCreateArgs;
import io.lettuce.core.XReadArgs;
import io.lettuce.core.XTrimArgs;
import io.lettuce.core.api.sync.RedisStreamCommands;
import io.lettuce.core.models.stream.PendingMessages;

/**
 * The consumer-group bookkeeping of one partition stream: creating the group, seeing
 * where every group stands, trimming what all of them are done with, and forgetting
 * consumers that are gone.
 */
class StreamGroups {

	private final RedisStreamCommands<String, String> redis;

	private final String key;

	private final Consumer<String> consumer;

	StreamGroups(RedisStreamCommands<String, String> redis, String key, Consumer<String> consumer) {
		this.redis = redis;
		this.key = key;
		this.consumer = consumer;
	}

	String group() {
		return this.consumer.getGroup();
	}

	private String consumerName() {
		return this.consumer.getName();
	}

	/**
	 * Creates the group at the start of the stream (and the stream) unless it exists:
	 * entries appended before message-service first ran are stored too, never skipped.
	 */
	void ensureGroup() {
		try {
			this.redis.xgroupCreate(XReadArgs.StreamOffset.from(this.key, "0"), group(),
					XGroupCreateArgs.Builder.mkstream());
		}
		catch (RedisCommandExecutionException ex) {
			if (ex.getMessage() == null || !ex.getMessage().startsWith("BUSYGROUP")) {
				throw ex;
			}
		}
	}

	/**
	 * Where every group of the stream stands (other services may read the same stream
	 * with their own group).
	 */
	List<TrimPoint.GroupPosition> groupPositions() {
		List<TrimPoint.GroupPosition> positions = new ArrayList<>();
		for (Object group : this.redis.xinfoGroups(this.key)) {
			Map<String, @Nullable Object> info = pairs((List<?>) group);
			String name = String.valueOf(info.get("name"));
			long pending = number(info.get("pending"), 0);
			String oldestPending = null;
			if (pending > 0) {
				// may have been acknowledged meanwhile; then the last delivered id bounds
				// the group, which is safe
				PendingMessages summary = this.redis.xpending(this.key, name);
				if (summary != null && summary.getCount() > 0 && summary.getMessageIds() != null) {
					oldestPending = summary.getMessageIds().getLower().getValue();
				}
			}
			positions.add(new TrimPoint.GroupPosition(name, pending, String.valueOf(info.get("last-delivered-id")),
					oldestPending, (info.get("lag") != null) ? number(info.get("lag"), -1) : -1));
		}
		return positions;
	}

	/**
	 * Removes the entries with an id below {@code minId}: exact, so that what every group
	 * has acked is gone.
	 */
	long trimBelow(String minId) {
		return this.redis.xtrim(this.key, new XTrimArgs().minId(minId).exactTrimming());
	}

	long length() {
		return this.redis.xlen(this.key);
	}

	/**
	 * Forgets consumers of the group that hold nothing and have not been heard of for
	 * {@code expiry}: every restart brings a new consumer name, and the group's list
	 * would otherwise only grow.
	 */
	int removeIdleConsumers(Duration expiry) {
		int removed = 0;
		for (Object consumer : this.redis.xinfoConsumers(this.key, group())) {
			Map<String, @Nullable Object> info = pairs((List<?>) consumer);
			String name = String.valueOf(info.get("name"));
			if (!name.equals(consumerName()) && number(info.get("pending"), 1) == 0
					&& number(info.get("idle"), 0) > expiry.toMillis()) {
				this.redis.xgroupDelconsumer(this.key, Consumer.from(group(), name));
				removed++;
			}
		}
		return removed;
	}

	/**
	 * Leaves the group unless entries are pending for this consumer (deleting it would
	 * orphan them).
	 */
	void removeSelfIfIdle() {
		for (Object consumer : this.redis.xinfoConsumers(this.key, group())) {
			Map<String, @Nullable Object> info = pairs((List<?>) consumer);
			if (consumerName().equals(String.valueOf(info.get("name"))) && number(info.get("pending"), 1) == 0) {
				this.redis.xgroupDelconsumer(this.key, this.consumer);
			}
		}
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
