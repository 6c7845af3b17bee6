package com.cotalk.chat.delivery;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

import tools.jackson.databind.json.JsonMapper;

/**
 * Delivers each event published on a room's channel to {@code /user/queue/events} of
 * every local session of every member connected here, the payload bytes as published
 * (serialised once by whoever published them). Typing events skip the typist and are the
 * first to be dropped for a session that falls behind.
 */
@Component
class FanOut {

	private static final byte[] TYPING = "{\"type\":\"typing\"".getBytes(StandardCharsets.UTF_8);

	private static final byte[] MESSAGE = "{\"type\":\"message\",".getBytes(StandardCharsets.UTF_8);

	private static final byte[] MESSAGE_ID = "\"messageId\":\"".getBytes(StandardCharsets.UTF_8);

	/** {@code "messageId"} comes second, after the short {@code "version"}. */
	private static final int MESSAGE_ID_WITHIN = 48;

	private final SessionRegistry registry;

	private final JsonMapper json;

	private final Timer timer;

	private final Counter delivered;

	FanOut(SessionRegistry registry, RoomChannels channels, JsonMapper json, MeterRegistry meters) {
		this.timer = Timer.builder("cotalk.delivery.fanout")
			.description("Queueing one published event for every local session of the room's members")
			.publishPercentileHistogram()
			.register(meters);
		this.delivered = Counter.builder("cotalk.delivery.frames")
			.description("Event frames queued for sessions")
			.register(meters);
		this.registry = registry;
		this.json = json;
		channels.onEvent(this::deliver);
	}

	void deliver(UUID roomId, byte[] payload) {
		var members = this.registry.localMembers(roomId);
		if (members.isEmpty()) {
			return;
		}
		long started = System.nanoTime();
		int queued = 0;
		boolean typing = startsWith(payload, TYPING);
		UUID typist = typing ? typist(payload) : null;
		long acceptedAt = acceptedAtMillis(payload);
		for (UUID userId : members) {
			if (userId.equals(typist)) {
				continue;
			}
			for (LiveSession session : this.registry.sessionsOf(userId)) {
				session.sendEvent(payload, typing, acceptedAt);
				queued++;
			}
		}
		this.delivered.increment(queued);
		this.timer.record(System.nanoTime() - started, TimeUnit.NANOSECONDS);
	}

	private @Nullable UUID typist(byte[] payload) {
		try {
			return this.json.readValue(payload, TypingEvent.class).userId();
		}
		catch (RuntimeException ex) {
			return null;
		}
	}

	/**
	 * When a new message was accepted, read without parsing the payload: its
	 * {@code messageId} is a UUIDv7 made at acceptance, whose first 48 bits are the epoch
	 * millis ({@code 8 hex - 4 hex}).
	 * @return the millis, or {@link DeliveryMetrics#NOT_A_MESSAGE} for any other event
	 */
	static long acceptedAtMillis(byte[] payload) {
		if (!startsWith(payload, MESSAGE)) {
			return DeliveryMetrics.NOT_A_MESSAGE;
		}
		int limit = Math.min(payload.length - MESSAGE_ID.length - 15, MESSAGE_ID_WITHIN);
		for (int at = MESSAGE.length; at <= limit; at++) {
			if (Arrays.equals(payload, at, at + MESSAGE_ID.length, MESSAGE_ID, 0, MESSAGE_ID.length)) {
				return uuidV7Millis(payload, at + MESSAGE_ID.length);
			}
		}
		return DeliveryMetrics.NOT_A_MESSAGE;
	}

	private static long uuidV7Millis(byte[] payload, int from) {
		if (payload[from + 8] != '-' || payload[from + 14] != '7') {
			return DeliveryMetrics.NOT_A_MESSAGE;
		}
		long millis = 0;
		for (int i = from; i < from + 13; i++) {
			if (i == from + 8) {
				continue;
			}
			int digit = Character.digit(payload[i], 16);
			if (digit < 0) {
				return DeliveryMetrics.NOT_A_MESSAGE;
			}
			millis = (millis << 4) | digit;
		}
		return millis;
	}

	private static boolean startsWith(byte[] payload, byte[] prefix) {
		return payload.length >= prefix.length && Arrays.equals(payload, 0, prefix.length, prefix, 0, prefix.length);
	}

}
