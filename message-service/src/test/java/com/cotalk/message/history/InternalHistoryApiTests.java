package com.cotalk.message.history;

import static com.cotalk.message.history.HistoryApiTests.assertProblem;
import static com.cotalk.message.history.HistoryApiTests.assertValidationFailed;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import com.cotalk.common.messages.MessageEvent;
import com.cotalk.message.MessageServiceTestSupport;
import com.cotalk.testsupport.ApiClient;

import tools.jackson.databind.JsonNode;

class InternalHistoryApiTests extends MessageServiceTestSupport {

	@Test
	void answersTheHighestStoredSeqOfARoom() {
		UUID room = UUID.randomUUID();
		assertThat(getInternal("/internal/rooms/" + room + "/max-seq").json().path("maxSeq").asLong()).isZero();
		for (int seq = 1; seq <= 12; seq++) {
			append(message(room, seq));
		}
		awaitStored(room, 12);
		ApiClient.Response maxSeq = getInternal("/internal/rooms/" + room + "/max-seq");
		assertThat(maxSeq.status()).isEqualTo(200);
		assertThat(maxSeq.json().path("maxSeq").asLong()).isEqualTo(12);
	}

	@Test
	void refusesCallersWithoutTheInternalToken() {
		assertThat(this.api.get("/internal/rooms/" + UUID.randomUUID() + "/max-seq", null).status()).isIn(401, 403);
		assertThat(this.api.get("/internal/rooms/last-messages?ids=" + UUID.randomUUID(), null).status()).isIn(401,
				403);
	}

	@Test
	void answersTheLastMessageOfEachRoomInOneCall() {
		UUID chatty = UUID.randomUUID();
		UUID deleted = UUID.randomUUID();
		UUID silent = UUID.randomUUID();
		String longKorean = "가나다라마바사아자차".repeat(15);
		Instant sentAt = Instant.now().truncatedTo(ChronoUnit.MILLIS);
		append(message(chatty, 1));
		MessageEvent last = MessageEvent.accepted(UUID.randomUUID(), chatty, 2, UUID.randomUUID(), "c-2", "TEXT",
				longKorean, sentAt);
		append(last);
		append(message(deleted, 1));
		append(new MessageEvent(MessageEvent.TYPE, MessageEvent.VERSION, UUID.randomUUID(), deleted, 2,
				UUID.randomUUID(), "c-2", "TEXT", null, sentAt, sentAt, true));
		awaitStored(chatty, 2);
		awaitStored(deleted, 2);

		ApiClient.Response response = getInternal(
				"/internal/rooms/last-messages?ids=" + chatty + "," + deleted + "," + silent + "," + chatty);
		assertThat(response.status()).as(response.toString()).isEqualTo(200);
		Map<String, JsonNode> byRoom = response.json()
			.path("items")
			.valueStream()
			.collect(Collectors.toMap((item) -> item.path("roomId").asString(), (item) -> item));
		assertThat(byRoom).containsOnlyKeys(chatty.toString(), deleted.toString());
		JsonNode chattyLast = byRoom.get(chatty.toString());
		assertThat(chattyLast.path("seq").asLong()).isEqualTo(2);
		assertThat(chattyLast.path("senderId").asString()).isEqualTo(last.senderId().toString());
		assertThat(chattyLast.path("preview").asString()).isEqualTo(longKorean.substring(0, 100));
		assertThat(chattyLast.path("sentAt").asString()).isEqualTo(sentAt.toString());
		assertThat(byRoom.get(deleted.toString()).path("seq").asLong()).isEqualTo(2);
		assertThat(byRoom.get(deleted.toString()).path("preview").isNull()).isTrue();
	}

	@Test
	void validatesTheRoomIds() {
		assertValidationFailed(getInternal("/internal/rooms/last-messages"), "ids");
		assertValidationFailed(getInternal("/internal/rooms/last-messages?ids=nope"), "ids");
		String tooMany = String.join(",", Collections.nCopies(501, UUID.randomUUID().toString()));
		assertProblem(getInternal("/internal/rooms/last-messages?ids=" + tooMany), 400, "VALIDATION_FAILED");
		assertThat(getInternal("/internal/rooms/last-messages?ids="
				+ String.join(",", Collections.nCopies(500, UUID.randomUUID().toString())))
			.json()
			.path("items")
			.size()).isZero();
		assertThat(List.of(getInternal("/internal/rooms/not-a-uuid/max-seq").status())).containsExactly(400);
	}

}
