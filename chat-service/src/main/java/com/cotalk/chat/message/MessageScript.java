package com.cotalk.chat.message;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.jspecify.annotations.Nullable;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.DefaultRedisScript;
import org.springframework.stereotype.Component;

import com.cotalk.chat.ChatProperties;
import com.cotalk.chat.MessagePathProperties;
import com.cotalk.common.messages.MessageKeys;

/**
 * The one atomic step of the message path (run with {@code EVALSHA}). Every key carries
 * the room's partition hash tag, so the script runs on one Redis Cluster slot.
 * <p>
 * KEYS: 1 dedupe key (room, sender and clientMsgId), 2 sequence counter, 3 partition
 * stream, 4 room channel (declared as a key so that Cluster checks its slot), 5 the
 * room's read positions. ARGV: 1 event JSON up to the seq value, 2 event JSON after it, 3
 * messageId, 4 sentAt (epoch millis), 5 dedupe TTL (seconds), 6 {@code PUBLISH} or
 * {@code SPUBLISH}, 7 the stream entry field, 8 the member who has read up to the new
 * message (the sender of a text) or empty, 9 the read positions' TTL (seconds).
 * <p>
 * Returns {@code A:<seq>} (accepted: appended and published),
 * {@code D:<seq>:<messageId>:<sentAtMillis>} (the clientMsgId was seen: the original,
 * nothing appended) or {@code S} (the counter is missing: seed it from the stored history
 * and run again; nothing was changed).
 */
@Component
class MessageScript {

	static final String LUA = """
			local original = redis.call('GET', KEYS[1])
			if original then
			  return 'D:' .. original
			end
			if redis.call('EXISTS', KEYS[2]) == 0 then
			  return 'S'
			end
			local seq = redis.call('INCR', KEYS[2])
			local event = ARGV[1] .. seq .. ARGV[2]
			redis.call('XADD', KEYS[3], '*', ARGV[7], event)
			redis.call(ARGV[6], KEYS[4], event)
			redis.call('SET', KEYS[1], seq .. ':' .. ARGV[3] .. ':' .. ARGV[4], 'EX', ARGV[5])
			if ARGV[8] ~= '' then
			  redis.call('HSET', KEYS[5], ARGV[8], seq)
			  redis.call('EXPIRE', KEYS[5], ARGV[9])
			end
			return 'A:' .. seq
			""";

	private static final DefaultRedisScript<String> SCRIPT = new DefaultRedisScript<>(LUA, String.class);

	private final StringRedisTemplate redis;

	private final int partitions;

	private final String publishCommand;

	private final String dedupeTtlSeconds;

	private final String readPositionTtlSeconds;

	private final Timer timer;

	private final Counter accepted;

	MessageScript(StringRedisTemplate redis, MessagePathProperties path, ChatProperties properties,
			MeterRegistry meters) {
		this.redis = redis;
		this.timer = Timer.builder("cotalk.messages.accept")
			.description("The send script (dedupe, sequence, stream append, publish) as chat-service waits for it")
			.publishPercentileHistogram()
			.register(meters);
		this.accepted = Counter.builder("cotalk.messages.accepted")
			.description("Messages appended to the stream and published (not counting resent duplicates)")
			.register(meters);
		this.partitions = path.partitions();
		this.publishCommand = properties.shardedPubsub() ? "SPUBLISH" : "PUBLISH";
		this.dedupeTtlSeconds = Long.toString(properties.dedupeTtl().toSeconds());
		this.readPositionTtlSeconds = Long.toString(properties.readPositionTtl().toSeconds());
	}

	/**
	 * @param reader the member whose read position moves to the new message (the sender
	 * of a text), or null
	 */
	Outcome run(UUID roomId, UUID senderId, String clientMsgId, SplitEvent event, UUID messageId, Instant sentAt,
			@Nullable UUID reader) {
		int p = MessageKeys.partition(roomId, this.partitions);
		List<String> keys = List.of(MessageKeys.dedupe(p, roomId, senderId, clientMsgId),
				MessageKeys.sequence(p, roomId), MessageKeys.stream(p), MessageKeys.roomChannel(p, roomId),
				MessageKeys.readPositions(p, roomId));
		long started = System.nanoTime();
		String answer = this.redis.execute(SCRIPT, keys, event.beforeSeq(), event.afterSeq(), messageId.toString(),
				Long.toString(sentAt.toEpochMilli()), this.dedupeTtlSeconds, this.publishCommand,
				MessageKeys.EVENT_FIELD, (reader != null) ? reader.toString() : "", this.readPositionTtlSeconds);
		this.timer.record(System.nanoTime() - started, TimeUnit.NANOSECONDS);
		Outcome outcome = Outcome.parse(answer);
		if (outcome instanceof Accepted) {
			this.accepted.increment();
		}
		return outcome;
	}

	/** What the script answered. */
	sealed interface Outcome {

		static Outcome parse(String answer) {
			if ("S".equals(answer)) {
				return new NeedsSeed();
			}
			String[] parts = answer.split(":");
			long seq = Long.parseLong(parts[1]);
			if ("A".equals(parts[0])) {
				return new Accepted(seq);
			}
			return new Duplicate(seq, UUID.fromString(parts[2]), Instant.ofEpochMilli(Long.parseLong(parts[3])));
		}

	}

	record Accepted(long seq) implements Outcome {
	}

	record Duplicate(long seq, UUID messageId, Instant sentAt) implements Outcome {
	}

	record NeedsSeed() implements Outcome {
	}

}
