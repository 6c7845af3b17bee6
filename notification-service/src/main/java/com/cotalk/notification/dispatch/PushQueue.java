package com.cotalk.notification.dispatch;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.data.redis.connection.RedisStreamCommands.XAddOptions;
import org.springframework.data.redis.connection.stream.StreamRecords;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.DefaultRedisScript;
import org.springframework.stereotype.Component;

import tools.jackson.databind.json.JsonMapper;

/**
 * Pushes waiting to go out, in Redis so that they outlive this instance. Per user, the
 * hash {@code push:pending:{<userId>}} holds per room the newest message to push
 * ({@code <roomId>}), its seq, how many messages it stands for, the attempts made, the
 * devices that have it, and the seq last pushed (or given up on). {@code push:due}
 * schedules each (user, room) by time; workers on any instance lease what is due, so a
 * push whose worker died goes out after the lease. Pushes that keep failing go to the
 * stream {@code push:dead}.
 */
@Component
class PushQueue {

	static final String DUE = "push:due";

	static final String DEAD = "push:dead";

	/**
	 * KEYS: the user's pending hash. ARGV: room, seq, message JSON, seconds to keep the
	 * hash. 1 when newer than what waits and what was pushed ({@code #sent}: a message
	 * handled again after a redelivery is not pushed twice).
	 */
	private static final DefaultRedisScript<Long> OFFER = new DefaultRedisScript<>("""
			local seq = tonumber(redis.call('HGET', KEYS[1], ARGV[1] .. '#seq') or '0')
			local sent = tonumber(redis.call('HGET', KEYS[1], ARGV[1] .. '#sent') or '0')
			if tonumber(ARGV[2]) <= math.max(seq, sent) then
			  return 0
			end
			redis.call('HSET', KEYS[1], ARGV[1], ARGV[3], ARGV[1] .. '#seq', ARGV[2])
			redis.call('HINCRBY', KEYS[1], ARGV[1] .. '#count', 1)
			redis.call('HDEL', KEYS[1], ARGV[1] .. '#delivered')
			redis.call('EXPIRE', KEYS[1], tonumber(ARGV[4]))
			return 1
			""", Long.class);

	/** KEYS: the due set. ARGV: now, lease end, most. The members leased. */
	@SuppressWarnings("rawtypes")
	private static final DefaultRedisScript<List> LEASE = new DefaultRedisScript<>("""
			local due = redis.call('ZRANGEBYSCORE', KEYS[1], '-inf', ARGV[1], 'LIMIT', 0, tonumber(ARGV[3]))
			for _, member in ipairs(due) do
			  redis.call('ZADD', KEYS[1], ARGV[2], member)
			end
			return due
			""", List.class);

	/**
	 * KEYS: the user's pending hash. ARGV: room, the seq pushed. 1 when nothing newer
	 * came meanwhile (all gone), 0 otherwise (the newer message stays, afresh).
	 */
	private static final DefaultRedisScript<Long> COMPLETE = new DefaultRedisScript<>("""
			local sent = tonumber(redis.call('HGET', KEYS[1], ARGV[1] .. '#sent') or '0')
			if tonumber(ARGV[2]) > sent then
			  redis.call('HSET', KEYS[1], ARGV[1] .. '#sent', ARGV[2])
			end
			if redis.call('HGET', KEYS[1], ARGV[1] .. '#seq') == ARGV[2] then
			  redis.call('HDEL', KEYS[1], ARGV[1], ARGV[1] .. '#seq', ARGV[1] .. '#count', ARGV[1] .. '#attempts',
			    ARGV[1] .. '#delivered')
			  return 1
			end
			redis.call('HDEL', KEYS[1], ARGV[1] .. '#attempts', ARGV[1] .. '#delivered')
			return 0
			""", Long.class);

	/**
	 * How long a user's hash outlives their last offered message (it holds
	 * {@code #sent}).
	 */
	private static final Duration KEEP = Duration.ofDays(2);

	private static final XAddOptions DEAD_TRIMMING = XAddOptions.maxlen(10_000).approximateTrimming(true);

	private final StringRedisTemplate redis;

	private final JsonMapper json;

	private final Duration foldWindow;

	PushQueue(StringRedisTemplate redis, JsonMapper json, DispatchProperties properties) {
		this.redis = redis;
		this.json = json;
		this.foldWindow = properties.foldWindow();
	}

	/**
	 * Queues a message for the user's devices; a push already waiting for the room
	 * carries it instead (and goes out when it was due anyway).
	 */
	void offer(UUID userId, UUID roomId, long seq, String title, String body) {
		String message = this.json.writeValueAsString(new Message(title, body));
		this.redis.execute(OFFER, List.of(pendingKey(userId)), roomId.toString(), Long.toString(seq), message,
				Long.toString(KEEP.toSeconds()));
		this.redis.opsForZSet().addIfAbsent(DUE, member(userId, roomId), now() + this.foldWindow.toMillis());
	}

	/** Takes up to {@code most} due pushes for {@code lease}. */
	List<String> lease(int most, Duration lease) {
		long now = now();
		List<?> leased = this.redis.execute(LEASE, List.of(DUE), Long.toString(now),
				Long.toString(now + lease.toMillis()), Integer.toString(most));
		List<String> members = new ArrayList<>();
		if (leased != null) {
			leased.forEach((member) -> members.add(String.valueOf(member)));
		}
		return members;
	}

	/** The push a leased member stands for, or null when there is none any more. */
	@Nullable PendingPush read(String member) {
		UUID userId = UUID.fromString(member.substring(0, 36));
		UUID roomId = UUID.fromString(member.substring(37));
		String room = roomId.toString();
		List<Object> values = this.redis.opsForHash()
			.multiGet(pendingKey(userId),
					List.of(room, room + "#seq", room + "#count", room + "#attempts", room + "#delivered"));
		if (values.get(0) == null || values.get(1) == null) {
			this.redis.opsForZSet().remove(DUE, member);
			return null;
		}
		Message message = this.json.readValue(String.valueOf(values.get(0)), Message.class);
		String delivered = (values.get(4) != null) ? String.valueOf(values.get(4)) : "";
		return new PendingPush(userId, roomId, Long.parseLong(String.valueOf(values.get(1))), message.title(),
				message.body(), (values.get(2) != null) ? Integer.parseInt(String.valueOf(values.get(2))) : 1,
				(values.get(3) != null) ? Integer.parseInt(String.valueOf(values.get(3))) : 0,
				delivered.isEmpty() ? List.of() : Arrays.asList(delivered.split(",")));
	}

	/** The push went out (or no longer needs to); a newer message waiting goes next. */
	void complete(PendingPush push) {
		String member = member(push.userId(), push.roomId());
		Long done = this.redis.execute(COMPLETE, List.of(pendingKey(push.userId())), push.roomId().toString(),
				Long.toString(push.seq()));
		if (done != null && done == 1) {
			this.redis.opsForZSet().remove(DUE, member);
			// a message offered between the two steps found the member still scheduled
			if (Boolean.TRUE
				.equals(this.redis.opsForHash().hasKey(pendingKey(push.userId()), push.roomId() + "#seq"))) {
				this.redis.opsForZSet().addIfAbsent(DUE, member, now() + this.foldWindow.toMillis());
			}
		}
		else {
			this.redis.opsForZSet().add(DUE, member, now() + this.foldWindow.toMillis());
		}
	}

	/** Tries again after {@code delay}, skipping the devices that have it. */
	void retry(PendingPush push, Duration delay) {
		String room = push.roomId().toString();
		this.redis.opsForHash()
			.putAll(pendingKey(push.userId()), Map.of(room + "#attempts", Integer.toString(push.attempts()),
					room + "#delivered", String.join(",", push.delivered())));
		this.redis.opsForZSet().add(DUE, member(push.userId(), push.roomId()), now() + delay.toMillis());
	}

	/** Gives up on a push, leaving it for operators in {@code push:dead}. */
	void deadLetter(PendingPush push, String reason) {
		this.redis.opsForStream()
			.add(StreamRecords
				.string(Map.of("userId", push.userId().toString(), "roomId", push.roomId().toString(), "seq",
						Long.toString(push.seq()), "attempts", Integer.toString(push.attempts()), "reason", reason))
				.withStreamKey(DEAD), DEAD_TRIMMING);
		complete(push);
	}

	static String pendingKey(UUID userId) {
		return "push:pending:{" + userId + "}";
	}

	static String member(UUID userId, UUID roomId) {
		return userId + ":" + roomId;
	}

	private static long now() {
		return System.currentTimeMillis();
	}

	record Message(String title, String body) {
	}

}
