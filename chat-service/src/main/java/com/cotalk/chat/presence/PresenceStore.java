package com.cotalk.chat.presence;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.redis.core.RedisCallback;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.DefaultRedisScript;
import org.springframework.stereotype.Component;

import com.cotalk.common.presence.OnlineUsers;
import com.cotalk.common.presence.PresenceKeys;

/**
 * Presence in Redis. Per user, the sorted set of {@link PresenceKeys} with one member
 * {@code <instanceId>:<sessionId>} per live session; per instance, a heart-beat in
 * {@code chat:instances} and the set of its users, so that another instance can take a
 * crashed one's sessions away. Each script touches one key, so all of it runs on Redis
 * Cluster. An instance's heart-beat is scored with the time by which its next one is due
 * (its own {@code instance-timeout} ahead).
 */
@Component
public class PresenceStore {

	private static final Logger log = LoggerFactory.getLogger(PresenceStore.class);

	static final String INSTANCES = "chat:instances";

	/** Returns how many live sessions the user had before this one. */
	private static final DefaultRedisScript<Long> CONNECT = new DefaultRedisScript<>("""
			redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', '(' .. ARGV[3])
			local before = redis.call('ZCARD', KEYS[1])
			redis.call('ZADD', KEYS[1], ARGV[2], ARGV[1])
			redis.call('PEXPIRE', KEYS[1], ARGV[4])
			return before
			""", Long.class);

	/**
	 * Removes the sessions matching ARGV[1] (one member, or with ARGV[3] = 'prefix' every
	 * member starting with it); returns 1 when that left the user without a live session.
	 */
	private static final DefaultRedisScript<Long> DISCONNECT = new DefaultRedisScript<>("""
			local removed = 0
			if ARGV[3] == 'prefix' then
			  for _, member in ipairs(redis.call('ZRANGE', KEYS[1], 0, -1)) do
			    if string.sub(member, 1, #ARGV[1]) == ARGV[1] then
			      removed = removed + redis.call('ZREM', KEYS[1], member)
			    end
			  end
			else
			  removed = redis.call('ZREM', KEYS[1], ARGV[1])
			end
			redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', '(' .. ARGV[2])
			local left = redis.call('ZCARD', KEYS[1])
			if left == 0 then
			  redis.call('DEL', KEYS[1])
			end
			if removed > 0 and left == 0 then
			  return 1
			end
			return 0
			""", Long.class);

	private final StringRedisTemplate redis;

	private final InstanceId instance;

	private final long sessionTtlMillis;

	private final long keyTtlMillis;

	private final long instanceTimeoutMillis;

	PresenceStore(StringRedisTemplate redis, InstanceId instance, PresenceProperties properties) {
		this.redis = redis;
		this.instance = instance;
		this.sessionTtlMillis = properties.sessionTtl().toMillis();
		this.keyTtlMillis = 2 * this.sessionTtlMillis;
		this.instanceTimeoutMillis = properties.instanceTimeout().toMillis();
	}

	/** Records a live session; true when it is the user's first on any instance. */
	public boolean connected(UUID userId, String sessionId) {
		long now = System.currentTimeMillis();
		Long before = this.redis.execute(CONNECT, List.of(PresenceKeys.key(userId)), member(sessionId),
				Long.toString(now + this.sessionTtlMillis), Long.toString(now), Long.toString(this.keyTtlMillis));
		this.redis.opsForSet().add(usersKey(this.instance.value()), userId.toString());
		return before != null && before == 0;
	}

	/** The user's live sessions on every instance together. */
	public long liveSessions(UUID userId) {
		Long count = this.redis.opsForZSet()
			.count(PresenceKeys.key(userId), System.currentTimeMillis(), Double.POSITIVE_INFINITY);
		return (count != null) ? count : 0;
	}

	/** Those of the users with a live session on any instance now. */
	public Set<UUID> onlineAmong(Collection<UUID> userIds) {
		return OnlineUsers.among(this.redis, userIds);
	}

	/**
	 * Removes a session; true when it was the user's last on any instance.
	 * @param lastHere whether the user has no other session on this instance
	 */
	public boolean disconnected(UUID userId, String sessionId, boolean lastHere) {
		Long last = this.redis.execute(DISCONNECT, List.of(PresenceKeys.key(userId)), member(sessionId),
				Long.toString(System.currentTimeMillis()), "one");
		if (lastHere) {
			this.redis.opsForSet().remove(usersKey(this.instance.value()), userId.toString());
		}
		return last != null && last == 1;
	}

	/**
	 * Extends every live session here by the session TTL and beats this instance's heart,
	 * in one pipeline.
	 */
	public void refresh(Map<UUID, List<String>> sessionsByUser) {
		long now = System.currentTimeMillis();
		double expiry = now + this.sessionTtlMillis;
		byte[] users = bytes(usersKey(this.instance.value()));
		this.redis.executePipelined((RedisCallback<Object>) (connection) -> {
			connection.zSetCommands()
				.zAdd(bytes(INSTANCES), now + this.instanceTimeoutMillis, bytes(this.instance.value()));
			sessionsByUser.forEach((userId, sessions) -> {
				byte[] key = bytes(PresenceKeys.key(userId));
				sessions.forEach((sessionId) -> connection.zSetCommands().zAdd(key, expiry, bytes(member(sessionId))));
				connection.keyCommands().pExpire(key, this.keyTtlMillis);
				connection.setCommands().sAdd(users, bytes(userId.toString()));
			});
			return null;
		});
	}

	/**
	 * Takes the sessions of instances whose heart-beat stopped away (each crashed
	 * instance is claimed by one sweeping instance) and answers the users left without a
	 * live session.
	 */
	public List<UUID> sweepCrashedInstances() {
		long now = System.currentTimeMillis();
		Set<String> stale = this.redis.opsForZSet().rangeByScore(INSTANCES, 0, now);
		if (stale == null || stale.isEmpty()) {
			return List.of();
		}
		List<UUID> offline = new ArrayList<>();
		for (String id : stale) {
			Long claimed = this.redis.opsForZSet().remove(INSTANCES, id);
			if (id.equals(this.instance.value()) || claimed == null || claimed == 0) {
				continue;
			}
			Set<String> users = this.redis.opsForSet().members(usersKey(id));
			log.info("chat-service instance {} stopped beating; taking its {} users' sessions away", id,
					(users != null) ? users.size() : 0);
			for (String user : (users != null) ? users : Set.<String>of()) {
				UUID userId = UUID.fromString(user);
				Long last = this.redis.execute(DISCONNECT, List.of(PresenceKeys.key(userId)), id + ":",
						Long.toString(now), "prefix");
				if (last != null && last == 1) {
					offline.add(userId);
				}
			}
			this.redis.delete(usersKey(id));
		}
		return offline;
	}

	private String member(String sessionId) {
		return this.instance.value() + ":" + sessionId;
	}

	private static byte[] bytes(String value) {
		return value.getBytes(StandardCharsets.UTF_8);
	}

	static String usersKey(String instanceId) {
		return "chat:instance:{" + instanceId + "}:users";
	}

}
