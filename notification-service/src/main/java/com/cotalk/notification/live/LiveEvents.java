package com.cotalk.notification.live;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.redis.connection.RedisConnection;
import org.springframework.data.redis.connection.ReturnType;
import org.springframework.data.redis.core.RedisCallback;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.stereotype.Component;

import com.cotalk.common.presence.UserChannels;
import com.cotalk.notification.NotificationProperties;

/**
 * Sends an event to a user's live sessions the way chat-service's own user events go
 * ({@link UserChannels}): the user's presence names the chat-service instances holding
 * their sessions, and each of them gets the event on its channel and delivers it. A user
 * without a live session gets nothing. Best effort: a Redis failure is logged, never
 * thrown, since what is sent live is already stored.
 */
@Component
public class LiveEvents {

	private static final Logger log = LoggerFactory.getLogger(LiveEvents.class);

	/**
	 * {@code PUBLISH} or {@code SPUBLISH} with the channel declared as a key, so that
	 * Redis Cluster routes it to the channel's slot, as chat-service publishes.
	 */
	private static final byte[] PUBLISH_SCRIPT = "return redis.call(ARGV[1], KEYS[1], ARGV[2])"
		.getBytes(StandardCharsets.US_ASCII);

	private final StringRedisTemplate redis;

	private final byte[] command;

	LiveEvents(StringRedisTemplate redis, NotificationProperties properties) {
		this.redis = redis;
		this.command = (properties.shardedPubsub() ? "SPUBLISH" : "PUBLISH").getBytes(StandardCharsets.US_ASCII);
	}

	/**
	 * @param event the event's JSON, a flat object with a {@code type}
	 */
	public void send(UUID userId, byte[] event) {
		try {
			Map<String, List<UUID>> byInstance = UserChannels.instancesOf(this.redis, List.of(userId));
			if (byInstance.isEmpty()) {
				return;
			}
			this.redis.executePipelined((RedisCallback<Object>) (RedisConnection connection) -> {
				byInstance.forEach((instance, users) -> connection.scriptingCommands()
					.eval(PUBLISH_SCRIPT, ReturnType.INTEGER, 1,
							UserChannels.channel(instance).getBytes(StandardCharsets.UTF_8), this.command,
							UserChannels.encode(users, event, false)));
				return null;
			});
		}
		catch (RuntimeException ex) {
			log.warn("Live event for user {} not sent: {}", userId, ex.toString());
		}
	}

}
