package com.cotalk.friend.profile;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.redis.connection.RedisStringCommands.SetOption;
import org.springframework.data.redis.core.RedisCallback;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.types.Expiration;
import org.springframework.stereotype.Component;

import com.cotalk.friend.FriendProperties;

import tools.jackson.databind.json.JsonMapper;

/**
 * Two levels: a small in-process copy in front (a warm 1,000-friend list then reads no
 * profile from Redis, see docs/performance.md), and profiles in Redis as JSON under
 * {@code profile:{<userId>}}, one key per user (the hash tag keeps each key in one Redis
 * Cluster slot; batches are pipelined single-key commands, never a cross-slot MGET).
 * <p>
 * A profile change leaves a short-lived tombstone instead of just deleting the key, and
 * loads are stored only where no key exists ({@code SET NX}): a load that read the old
 * profile just before the change cannot put it back after the eviction.
 */
@Component
class ProfileCache {

	static final String TOMBSTONE = "-";

	/** Longer than any user-service call may take (connect 1 s + read 3 s). */
	static final Duration TOMBSTONE_TTL = Duration.ofSeconds(5);

	private static final Logger log = LoggerFactory.getLogger(ProfileCache.class);

	private final StringRedisTemplate redis;

	private final JsonMapper json;

	private final Expiration ttl;

	private final Cache<UUID, UserProfile> local = Caffeine.newBuilder()
		.maximumSize(100_000)
		.expireAfterWrite(Duration.ofMinutes(1))
		.build();

	/**
	 * Counts evictions. A Redis read that overlapped one may hold the old profile, so its
	 * results do not go into the in-process copy (the same reason the Redis writes are
	 * {@code NX} behind a tombstone).
	 */
	private final AtomicLong evictions = new AtomicLong();

	ProfileCache(StringRedisTemplate redis, JsonMapper json, FriendProperties properties) {
		this.redis = redis;
		this.json = json;
		this.ttl = Expiration.from(properties.profileCacheTtl());
	}

	static String key(UUID userId) {
		return "profile:{" + userId + "}";
	}

	/** The cached profiles among the ids; an unreachable Redis counts as all misses. */
	Map<UUID, UserProfile> getAll(List<UUID> userIds) {
		Map<UUID, UserProfile> found = new HashMap<>(this.local.getAllPresent(userIds));
		if (found.size() == userIds.size()) {
			return found;
		}
		List<UUID> remote = userIds.stream().filter((id) -> !found.containsKey(id)).toList();
		long generation = this.evictions.get();
		Map<UUID, UserProfile> loaded = getAllFromRedis(remote);
		found.putAll(loaded);
		if (this.evictions.get() == generation) {
			this.local.putAll(loaded);
			// an eviction between the check and the put may have come before the put
			if (this.evictions.get() != generation) {
				this.local.invalidateAll(loaded.keySet());
			}
		}
		return found;
	}

	private Map<UUID, UserProfile> getAllFromRedis(List<UUID> userIds) {
		Map<UUID, UserProfile> found = new HashMap<>();
		try {
			List<Object> values = this.redis.executePipelined((RedisCallback<Object>) (connection) -> {
				userIds.forEach((id) -> connection.stringCommands().get(bytes(key(id))));
				return null;
			});
			for (int i = 0; i < userIds.size(); i++) {
				if (values.get(i) instanceof String value && !TOMBSTONE.equals(value)) {
					found.put(userIds.get(i), this.json.readValue(value, UserProfile.class));
				}
			}
		}
		catch (RuntimeException ex) {
			log.warn("Profile cache not readable, asking user-service: {}", ex.toString());
		}
		return found;
	}

	void putAll(Collection<UserProfile> profiles) {
		if (profiles.isEmpty()) {
			return;
		}
		try {
			this.redis.executePipelined((RedisCallback<Object>) (connection) -> {
				profiles.forEach((profile) -> connection.stringCommands()
					.set(bytes(key(profile.userId())), bytes(this.json.writeValueAsString(profile)), this.ttl,
							SetOption.ifAbsent()));
				return null;
			});
		}
		catch (RuntimeException ex) {
			log.warn("Profile cache not writable: {}", ex.toString());
		}
	}

	/**
	 * The tombstone goes first: a read that misses the in-process copy after it is
	 * invalidated must find the tombstone in Redis, not the old profile (which it would
	 * then copy back in front for a minute).
	 */
	void evict(UUID userId) {
		this.redis.opsForValue().set(key(userId), TOMBSTONE, TOMBSTONE_TTL);
		this.evictions.incrementAndGet();
		this.local.invalidate(userId);
	}

	private static byte[] bytes(String text) {
		return text.getBytes(StandardCharsets.UTF_8);
	}

}
