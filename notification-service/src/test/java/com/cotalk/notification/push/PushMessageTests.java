package com.cotalk.notification.push;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class PushMessageTests {

	@Test
	void cutsThePreviewToAHundredCharacters() {
		String korean = "가".repeat(150);

		PushMessage message = new PushMessage(UUID.randomUUID(), 1, "Minji", korean);

		assertThat(message.body()).hasSize(100).endsWith("…").startsWith("가".repeat(99));
		assertThat(new PushMessage(UUID.randomUUID(), 1, "Minji", "가".repeat(100)).body()).isEqualTo("가".repeat(100));
	}

	@Test
	void neverSplitsASurrogatePair() {
		PushMessage message = new PushMessage(UUID.randomUUID(), 1, "Minji", "😀".repeat(120));

		assertThat(message.body().codePointCount(0, message.body().length())).isEqualTo(100);
		assertThat(message.body()).startsWith("😀".repeat(99)).endsWith("…");
	}

	@Test
	void serialisesToThePayloadOfTheApi() {
		UUID roomId = UUID.randomUUID();

		JsonNode payload = JsonMapper.shared().readTree(new PushMessage(roomId, 7, "Dev room", "\"hi\"").payload());

		assertThat(payload.propertyNames()).containsExactly("type", "roomId", "seq", "title", "body");
		assertThat(payload.path("type").asString()).isEqualTo("message");
		assertThat(payload.path("roomId").asString()).isEqualTo(roomId.toString());
		assertThat(payload.path("seq").asLong()).isEqualTo(7);
		assertThat(payload.path("body").asString()).isEqualTo("\"hi\"");
	}

}
