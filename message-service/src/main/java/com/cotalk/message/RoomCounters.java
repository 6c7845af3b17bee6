package com.cotalk.message;

import java.util.OptionalLong;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.stereotype.Component;

import com.cotalk.common.messages.MessageKeys;

/**
 * The rooms' sequence counters in Redis: the highest seq handed out. A message is
 * acknowledged to its sender once it is in the Redis stream and stored a few hundred
 * milliseconds later, so reads that must include every acknowledged message (an edit
 * right after sending, a catch-up after a reconnect) compare what is stored with this.
 */
@Component
public class RoomCounters {

	private static final Logger log = LoggerFactory.getLogger(RoomCounters.class);

	private final StringRedisTemplate redis;

	private final int partitions;

	RoomCounters(StringRedisTemplate redis, MessagePathProperties path) {
		this.redis = redis;
		this.partitions = path.partitions();
	}

	/**
	 * @return the highest seq handed out in the room, empty when that cannot be told:
	 * Redis does not hold the counter (lost, or no message yet) or cannot be reached
	 * (history is still served from PostgreSQL then)
	 */
	public OptionalLong handedOut(UUID roomId) {
		String last;
		try {
			last = this.redis.opsForValue()
				.get(MessageKeys.sequence(MessageKeys.partition(roomId, this.partitions), roomId));
		}
		catch (DataAccessException ex) {
			log.debug("Room counter of {} not readable: {}", roomId, ex.toString());
			return OptionalLong.empty();
		}
		return (last != null) ? OptionalLong.of(Long.parseLong(last)) : OptionalLong.empty();
	}

}
