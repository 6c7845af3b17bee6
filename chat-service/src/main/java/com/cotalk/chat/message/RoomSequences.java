package com.cotalk.chat.message;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.data.redis.core.RedisCallback;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.stereotype.Component;

import com.cotalk.chat.MessagePathProperties;
import com.cotalk.common.messages.MessageKeys;

/**
 * Rooms' sequence counters (the last handed-out seq) and stored last messages, as the
 * chat list and room details show them.
 */
@Component
public class RoomSequences {

	private final StringRedisTemplate redis;

	private final MessageServiceClient messageService;

	private final int partitions;

	RoomSequences(StringRedisTemplate redis, MessageServiceClient messageService, MessagePathProperties path) {
		this.redis = redis;
		this.messageService = messageService;
		this.partitions = path.partitions();
	}

	String counterKey(UUID roomId) {
		return MessageKeys.sequence(MessageKeys.partition(roomId, this.partitions), roomId);
	}

	/**
	 * A new room has no history: its counter starts at 0 without asking message-service.
	 */
	public void initialise(UUID roomId) {
		this.redis.opsForValue().setIfAbsent(counterKey(roomId), "0");
	}

	/**
	 * Re-seeds a missing counter from the highest stored seq; {@code NX}, so a counter
	 * that another instance seeded meanwhile (and maybe incremented) is kept.
	 */
	void seed(UUID roomId) {
		long max = this.messageService.maxSeq(roomId);
		this.redis.opsForValue().setIfAbsent(counterKey(roomId), Long.toString(max));
	}

	/**
	 * The counters that exist, read in one pipeline of single-key reads (Cluster-safe).
	 */
	public Map<UUID, Long> counters(List<UUID> roomIds) {
		if (roomIds.isEmpty()) {
			return Map.of();
		}
		List<Object> values = this.redis.executePipelined((RedisCallback<Object>) (connection) -> {
			roomIds.forEach((id) -> connection.stringCommands()
				.get(counterKey(id).getBytes(java.nio.charset.StandardCharsets.UTF_8)));
			return null;
		});
		Map<UUID, Long> counters = new HashMap<>();
		for (int i = 0; i < roomIds.size(); i++) {
			if (values.get(i) instanceof String value) {
				counters.put(roomIds.get(i), Long.parseLong(value));
			}
		}
		return counters;
	}

	/** The room's last seq; a missing counter is re-seeded first. */
	public long lastSeq(UUID roomId) {
		String value = this.redis.opsForValue().get(counterKey(roomId));
		if (value == null) {
			seed(roomId);
			value = this.redis.opsForValue().get(counterKey(roomId));
		}
		return (value != null) ? Long.parseLong(value) : 0;
	}

	/** See {@link MessageServiceClient#lastMessages(List)}. */
	public Map<UUID, LastMessage> lastMessages(List<UUID> roomIds) {
		return roomIds.isEmpty() ? Map.of() : this.messageService.lastMessages(roomIds);
	}

}
