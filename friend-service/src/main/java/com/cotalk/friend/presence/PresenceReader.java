package com.cotalk.friend.presence;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.stereotype.Component;

import com.cotalk.common.presence.OnlineUsers;
import com.cotalk.common.presence.PresenceKeys;

/**
 * Who is online, read from the presence sorted sets chat-service keeps
 * ({@link PresenceKeys}) with {@link OnlineUsers}.
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
		try {
			return OnlineUsers.among(this.redis, userIds);
		}
		catch (RuntimeException ex) {
			log.warn("Presence not readable, showing everyone offline: {}", ex.toString());
			return new HashSet<>();
		}
	}

}
