package com.cotalk.friend.presence;

import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.redis.core.RedisCallback;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.stereotype.Component;

import com.cotalk.common.presence.PresenceKeys;

/**
 * Who is online, read from the presence sorted sets chat-service keeps
 * ({@link PresenceKeys}): a user is online while one of their sessions is scored at or
 * after now. One pipelined {@code ZCOUNT} per user, so each command touches one key.
 */
@Component
public class PresenceReader {

	private static final Logger log = LoggerFactory.getLogger(PresenceReader.class);

	private final StringRedisTemplate redis;

	PresenceReader(StringRedisTemplate redis) {
		this.redis = redis;
	}

	/**
	 * The online users among the ids. Presence is a hint: when Redis cannot be read,
	 * everyone shows offline rather than the list failing.
	 */
	public Set<UUID> onlineAmong(List<UUID> userIds) {
		Set<UUID> online = new HashSet<>();
		if (userIds.isEmpty()) {
			return online;
		}
		double now = System.currentTimeMillis();
		try {
			List<Object> counts = this.redis.executePipelined((RedisCallback<Object>) (connection) -> {
				userIds.forEach((id) -> connection.zSetCommands()
					.zCount(PresenceKeys.key(id).getBytes(StandardCharsets.UTF_8), now, Double.POSITIVE_INFINITY));
				return null;
			});
			for (int i = 0; i < userIds.size(); i++) {
				if (counts.get(i) instanceof Long count && count > 0) {
					online.add(userIds.get(i));
				}
			}
		}
		catch (RuntimeException ex) {
			log.warn("Presence not readable, showing everyone offline: {}", ex.toString());
		}
		return online;
	}

}
