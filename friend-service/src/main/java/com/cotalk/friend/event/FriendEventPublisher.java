package com.cotalk.friend.event;

import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.redis.connection.RedisStreamCommands.XAddOptions;
import org.springframework.data.redis.connection.stream.StreamRecords;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

import com.cotalk.common.events.EventStreams;
import com.cotalk.common.events.FriendEvent;
import com.cotalk.friend.FriendProperties;

import tools.jackson.databind.json.JsonMapper;

/**
 * Appends the {@link FriendEvent}s a use case publishes to the {@code events:friends}
 * stream, once its transaction has committed: a rolled-back change announces nothing.
 * Best effort by design: the change has already happened, and an event only drives a
 * notification, so a Redis failure loses that notification and is logged, never reported
 * to the client.
 */
@Component
class FriendEventPublisher {

	private static final Logger log = LoggerFactory.getLogger(FriendEventPublisher.class);

	private final StringRedisTemplate redis;

	private final JsonMapper json;

	private final XAddOptions trimming;

	FriendEventPublisher(StringRedisTemplate redis, JsonMapper json, FriendProperties properties) {
		this.redis = redis;
		this.json = json;
		this.trimming = XAddOptions.maxlen(properties.eventStreamMaxLength()).approximateTrimming(true);
	}

	@TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
	void publish(FriendEvent event) {
		try {
			String payload = this.json.writeValueAsString(event);
			this.redis.opsForStream()
				.add(StreamRecords.string(Map.of(EventStreams.PAYLOAD_FIELD, payload))
					.withStreamKey(EventStreams.FRIENDS), this.trimming);
		}
		catch (RuntimeException ex) {
			log.warn("Friend event {} {} (actor {}, other {}) not published: {}", event.type(), event.eventId(),
					event.actorId(), event.otherId(), ex.toString());
		}
	}

}
