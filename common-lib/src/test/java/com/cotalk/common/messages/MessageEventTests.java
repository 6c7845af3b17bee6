package com.cotalk.common.messages;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import tools.jackson.databind.json.JsonMapper;

class MessageEventTests {

	final JsonMapper json = JsonMapper.builder().build();

	@Test
	void isTheFlatClientEventAndSurvivesAJsonRoundTrip() {
		MessageEvent event = MessageEvent.accepted(UUID.randomUUID(), UUID.randomUUID(), 42, UUID.randomUUID(), "c-1",
				"TEXT", "안녕하세요", Instant.parse("2026-11-24T15:00:00.123Z"));
		String text = this.json.writeValueAsString(event);
		assertThat(text).startsWith("{\"type\":\"message\"").contains("\"seq\":42", "\"deleted\":false");
		assertThat(this.json.readValue(text, MessageEvent.class)).isEqualTo(event);
	}

	@Test
	void keepsEveryKeyOfARoomInOneClusterSlot() {
		UUID room = UUID.randomUUID();
		int p = MessageKeys.partition(room, MessageKeys.DEFAULT_PARTITIONS);
		assertThat(p).isBetween(0, MessageKeys.DEFAULT_PARTITIONS - 1);
		String tag = "{" + p + "}";
		assertThat(MessageKeys.stream(p)).contains(tag);
		assertThat(MessageKeys.sequence(p, room)).contains(tag);
		assertThat(MessageKeys.dedupe(p, room, UUID.randomUUID(), "c-1")).contains(tag);
		assertThat(MessageKeys.roomChannel(p, room)).contains(tag);
	}

}
