package com.cotalk.message.edit;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.data.redis.connection.ReturnType;
import org.springframework.data.redis.core.RedisCallback;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.stereotype.Component;

import com.cotalk.common.messages.MessageKeys;
import com.cotalk.message.MessagePathProperties;
import com.cotalk.message.MessageServiceProperties;

import tools.jackson.databind.json.JsonMapper;

/**
 * Publishes changes on the room's channel, where every chat-service instance with a
 * member of the room online delivers the bytes as they are to that member's sessions.
 * {@code PUBLISH}, or {@code SPUBLISH} with {@code sharded-pubsub} (Redis Cluster), the
 * same way chat-service publishes; the channel is declared as the script's key so that
 * Redis Cluster routes it by the room's hash tag.
 */
@Component
class RoomEvents {

	private static final Logger log = LoggerFactory.getLogger(RoomEvents.class);

	private static final byte[] PUBLISH_SCRIPT = "return redis.call(ARGV[1], KEYS[1], ARGV[2])"
		.getBytes(StandardCharsets.US_ASCII);

	private final StringRedisTemplate redis;

	private final JsonMapper json;

	private final int partitions;

	private final byte[] command;

	RoomEvents(StringRedisTemplate redis, JsonMapper json, MessagePathProperties path,
			MessageServiceProperties properties) {
		this.redis = redis;
		this.json = json;
		this.partitions = path.partitions();
		this.command = (properties.shardedPubsub() ? "SPUBLISH" : "PUBLISH").getBytes(StandardCharsets.US_ASCII);
	}

	void messageUpdated(UUID roomId, long seq, String content, Instant editedAt) {
		publish(roomId, new MessageUpdated("message.updated", roomId, seq, content, editedAt));
	}

	void messageDeleted(UUID roomId, long seq) {
		publish(roomId, new MessageDeleted("message.deleted", roomId, seq));
	}

	private void publish(UUID roomId, Object event) {
		byte[] channel = MessageKeys.roomChannel(MessageKeys.partition(roomId, this.partitions), roomId)
			.getBytes(StandardCharsets.UTF_8);
		byte[] payload = this.json.writeValueAsBytes(event);
		try {
			this.redis.execute((RedisCallback<Object>) (connection) -> connection.scriptingCommands()
				.eval(PUBLISH_SCRIPT, ReturnType.INTEGER, 1, channel, this.command, payload));
		}
		catch (DataAccessException ex) {
			// the change is stored: the caller gets its answer, members see it in history
			log.error("Could not publish a change of room {} on its channel: {}", roomId, ex.toString());
		}
	}

	record MessageUpdated(String type, UUID roomId, long seq, String content, Instant editedAt) {
	}

	record MessageDeleted(String type, UUID roomId, long seq) {
	}

}
