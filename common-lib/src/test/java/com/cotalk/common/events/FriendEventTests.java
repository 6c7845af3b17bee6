package com.cotalk.common.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

class FriendEventTests {

	final JsonMapper json = JsonMapper.builder().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();

	@Test
	void survivesAJsonRoundTrip() {
		FriendEvent event = FriendEvent.of(FriendEvent.Type.FRIEND_REQUEST_ACCEPTED, UUID.randomUUID(),
				UUID.randomUUID(), UUID.randomUUID(), Instant.parse("2026-11-24T15:00:00.123Z"));
		String text = this.json.writeValueAsString(event);
		assertThat(text).contains("\"version\":1", "\"type\":\"FRIEND_REQUEST_ACCEPTED\"");
		assertThat(this.json.readValue(text, FriendEvent.class)).isEqualTo(event);
	}

	@Test
	void readsEventsWithFieldsItDoesNotKnow() {
		String text = """
				{"version":2,"type":"FRIENDSHIP_REMOVED","eventId":"%s","actorId":"%s","otherId":"%s",
				 "requestId":null,"occurredAt":"2026-11-24T15:00:00.123Z","reason":"new in v2"}"""
			.formatted(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID());
		FriendEvent event = this.json.readValue(text, FriendEvent.class);
		assertThat(event.type()).isEqualTo(FriendEvent.Type.FRIENDSHIP_REMOVED);
		assertThat(event.requestId()).isNull();
	}

}
