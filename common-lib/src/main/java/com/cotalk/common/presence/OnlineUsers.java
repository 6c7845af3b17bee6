package com.cotalk.common.presence;

import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.springframework.data.redis.core.RedisCallback;
import org.springframework.data.redis.core.StringRedisTemplate;

/**
 * Who is online now, read from the presence sorted sets ({@link PresenceKeys}): a user is
 * online while one of their sessions is scored at or after now. One pipelined
 * {@code ZCOUNT} per user, so each command touches one key (Redis Cluster).
 */
public final class OnlineUsers {

	private OnlineUsers() {
	}

	/** Those of the users with a live session on any chat-service instance. */
	public static Set<UUID> among(StringRedisTemplate redis, Collection<UUID> userIds) {
		Set<UUID> online = new HashSet<>();
		if (userIds.isEmpty()) {
			return online;
		}
		List<UUID> ids = List.copyOf(userIds);
		double now = System.currentTimeMillis();
		List<Object> counts = redis.executePipelined((RedisCallback<Object>) (connection) -> {
			ids.forEach((id) -> connection.zSetCommands()
				.zCount(PresenceKeys.key(id).getBytes(StandardCharsets.UTF_8), now, Double.POSITIVE_INFINITY));
			return null;
		});
		for (int i = 0; i < ids.size(); i++) {
			if (counts.get(i) instanceof Long count && count > 0) {
				online.add(ids.get(i));
			}
		}
		return online;
	}

}
