package com.cotalk.message;

import java.time.Duration;
import java.util.OptionalLong;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.function.Supplier;

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

	/** How long a read waits for acknowledged messages to be stored. */
	public static final Duration STORAGE_WAIT = Duration.ofSeconds(2);

	private static final long POLL_MILLIS = 50;

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

	/**
	 * Reads again every 50 ms until the result shows that storage caught up, for at most
	 * {@link #STORAGE_WAIT}.
	 * @param first the result of the read already made
	 * @return the last result read (also when the wait ran out or was interrupted)
	 */
	public <T> T awaitStored(T first, Supplier<T> read, Predicate<T> caughtUp) {
		T result = first;
		long deadline = System.nanoTime() + STORAGE_WAIT.toNanos();
		while (!caughtUp.test(result) && System.nanoTime() < deadline) {
			try {
				Thread.sleep(POLL_MILLIS);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return result;
			}
			result = read.get();
		}
		return result;
	}

}
