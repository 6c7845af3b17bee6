package com.cotalk.chat.message;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.cotalk.common.messages.MessageEvent;

import tools.jackson.databind.json.JsonMapper;

class SplitEventTests {

	private final JsonMapper json = JsonMapper.builder().build();

	@Test
	void splicingTheSeqGivesTheEventSerialisedWithIt() {
		UUID messageId = UUID.randomUUID();
		UUID roomId = UUID.randomUUID();
		UUID senderId = UUID.randomUUID();
		Instant sentAt = Instant.parse("2026-11-24T15:00:00.123Z");
		String tricky = "\"seq\":0, \\\"seq\\\":0 안녕 😀";

		SplitEvent split = SplitEvent
			.of(MessageEvent.accepted(messageId, roomId, 0, senderId, "c-1", "TEXT", tricky, sentAt), this.json);

		MessageEvent numbered = MessageEvent.accepted(messageId, roomId, 12345, senderId, "c-1", "TEXT", tricky,
				sentAt);
		assertThat(split.withSeq(12345)).isEqualTo(this.json.writeValueAsString(numbered));
		assertThat(this.json.readValue(split.withSeq(7), MessageEvent.class).seq()).isEqualTo(7);
	}

	@Test
	void readsTheScriptsAnswers() {
		UUID messageId = UUID.randomUUID();
		assertThat(MessageScript.Outcome.parse("A:42")).isEqualTo(new MessageScript.Accepted(42));
		assertThat(MessageScript.Outcome.parse("S")).isEqualTo(new MessageScript.NeedsSeed());
		assertThat(MessageScript.Outcome.parse("D:7:" + messageId + ":1764000000123"))
			.isEqualTo(new MessageScript.Duplicate(7, messageId, Instant.ofEpochMilli(1764000000123L)));
	}

}
