package com.cotalk.chat.room;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.redis.connection.stream.StreamRecords;
import org.springframework.data.redis.connection.RedisStreamCommands.XAddOptions;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.stereotype.Component;

import com.cotalk.common.events.EventStreams;
import com.cotalk.common.events.RoomEvent;

import tools.jackson.databind.json.JsonMapper;

/**
 * Appends {@link RoomEvent}s to the {@code events:rooms} stream (notification-service
 * makes invitations of them). Best effort: the membership has changed already, and an
 * event only drives a notification, so a Redis failure loses that notification and is
 * logged.
 */
@Component
class RoomEventPublisher {

	private static final Logger log = LoggerFactory.getLogger(RoomEventPublisher.class);

	private static final XAddOptions TRIMMING = XAddOptions.maxlen(100_000).approximateTrimming(true);

	private final StringRedisTemplate redis;

	private final JsonMapper json;

	RoomEventPublisher(StringRedisTemplate redis, JsonMapper json) {
		this.redis = redis;
		this.json = json;
	}

	void invited(UUID roomId, @Nullable String roomName, UUID actorId, List<UUID> userIds) {
		if (userIds.isEmpty()) {
			return;
		}
		RoomEvent event = RoomEvent.invited(roomId, roomName, actorId, userIds, Instant.now());
		try {
			this.redis.opsForStream()
				.add(StreamRecords.string(Map.of(EventStreams.PAYLOAD_FIELD, this.json.writeValueAsString(event)))
					.withStreamKey(EventStreams.ROOMS), TRIMMING);
		}
		catch (RuntimeException ex) {
			log.warn("Room event {} of room {} not published: {}", event.type(), roomId, ex.toString());
		}
	}

}
