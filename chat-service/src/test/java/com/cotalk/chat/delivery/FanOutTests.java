package com.cotalk.chat.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.cotalk.common.ids.UuidV7;
import com.cotalk.common.messages.MessageEvent;

import tools.jackson.databind.json.JsonMapper;

class FanOutTests {

	private final JsonMapper json = JsonMapper.builder().findAndAddModules().build();

	@Test
	void readsWhenANewMessageWasAcceptedFromItsId() {
		long before = System.currentTimeMillis();
		UUID messageId = UuidV7.next();
		byte[] payload = this.json.writeValueAsBytes(MessageEvent.accepted(messageId, UUID.randomUUID(), 12,
				UUID.randomUUID(), "c-1", "TEXT", "\"messageId\":\"0000", Instant.now()));

		assertThat(FanOut.acceptedAtMillis(payload)).isBetween(before, System.currentTimeMillis());
	}

	@Test
	void findsNoAcceptTimeInOtherEvents() {
		for (String event : new String[] { "{\"type\":\"typing\",\"roomId\":\"r\",\"userId\":\"u\"}",
				"{\"type\":\"message.updated\",\"messageId\":\"0190a5b2-3c4d-7e5f-8a9b-0c1d2e3f4a5b\"}",
				"{\"type\":\"message\",\"version\":1,\"messageId\":\"" + UUID.randomUUID() + "\"}",
				"{\"type\":\"message\",", "{\"type\":\"message\",\"version\":1,\"messageId\":\"0190a5b2-3c" }) {
			assertThat(FanOut.acceptedAtMillis(event.getBytes(StandardCharsets.UTF_8))).as(event)
				.isEqualTo(DeliveryMetrics.NOT_A_MESSAGE);
		}
	}

}
