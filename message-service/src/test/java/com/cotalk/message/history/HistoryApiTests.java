package com.cotalk.message.history;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.SmartLifecycle;

import com.cotalk.common.messages.MessageEvent;
import com.cotalk.common.messages.MessageKeys;
import com.cotalk.message.MessageServiceTestSupport;
import com.cotalk.testsupport.ApiClient;
import com.cotalk.testsupport.TestTokens;

import tools.jackson.databind.JsonNode;

/**
 * History of a room of three members with ten messages: Alice has read everything, Bob up
 * to 4, Carol up to 7, so a message's unread count is the number of members whose read
 * position is below it.
 */
class HistoryApiTests extends MessageServiceTestSupport {

	/** message-service's stream consumer, which stores what chat-service appended. */
	@Autowired
	@Qualifier("streamConsumer")
	SmartLifecycle consumer;

	UUID room;

	UUID alice;

	UUID bob;

	UUID carol;

	@BeforeEach
	void roomWithTenMessages() {
		this.room = UUID.randomUUID();
		this.alice = UUID.randomUUID();
		this.bob = UUID.randomUUID();
		this.carol = UUID.randomUUID();
		CHAT.room(this.room, Map.of(this.alice, 10L, this.bob, 4L, this.carol, 7L));
		for (int seq = 1; seq <= 10; seq++) {
			append(message(this.room, seq));
		}
		awaitStored(this.room, 10);
	}

	@Test
	void answersTheNewestPageInAscendingOrderWithUnreadCounts() {
		ApiClient.Response page = history("?limit=3", this.bob);
		assertThat(page.status()).as(page.toString()).isEqualTo(200);
		assertThat(seqs(page)).containsExactly(8L, 9L, 10L);
		assertThat(page.json().path("hasMore").asBoolean()).isTrue();
		assertThat(page.json().path("items").valueStream().map((item) -> item.path("unreadCount").asInt()))
			.containsExactly(2, 2, 2);
		assertThat(seqs(history("", this.alice))).hasSize(10).startsWith(1L).endsWith(10L);
		assertThat(history("", this.alice).json().path("hasMore").asBoolean()).isFalse();
		List<Integer> unread = history("", this.alice).json()
			.path("items")
			.valueStream()
			.map((item) -> item.path("unreadCount").asInt())
			.toList();
		assertThat(unread).containsExactly(0, 0, 0, 0, 1, 1, 1, 2, 2, 2);
	}

	@Test
	void describesEachMessageCompletely() {
		JsonNode first = history("?limit=1&before=2", this.carol).json().path("items").get(0);
		assertThat(first.propertyNames()).containsExactlyInAnyOrder("messageId", "roomId", "seq", "senderId",
				"clientMsgId", "contentType", "content", "sentAt", "editedAt", "deleted", "unreadCount");
		assertThat(first.path("roomId").asString()).isEqualTo(this.room.toString());
		assertThat(first.path("seq").isNumber()).isTrue();
		assertThat(first.path("clientMsgId").asString()).isEqualTo("c-1");
		assertThat(first.path("contentType").asString()).isEqualTo("TEXT");
		assertThat(first.path("content").asString()).isEqualTo("message 1");
		assertThat(first.path("sentAt").asString()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z");
		assertThat(first.path("editedAt").isNull()).isTrue();
		assertThat(first.path("deleted").asBoolean()).isFalse();
	}

	@Test
	void catchesUpAfterASeq() {
		ApiClient.Response rest = history("?after=7", this.bob);
		assertThat(seqs(rest)).containsExactly(8L, 9L, 10L);
		assertThat(rest.json().path("hasMore").asBoolean()).isFalse();
		ApiClient.Response next = history("?after=2&limit=3", this.bob);
		assertThat(seqs(next)).containsExactly(3L, 4L, 5L);
		assertThat(next.json().path("hasMore").asBoolean()).isTrue();
		assertThat(seqs(history("?after=10", this.bob))).isEmpty();
	}

	@Test
	void aCatchUpWaitsForMessagesAcknowledgedButNotStoredYet() throws Exception {
		CompletableFuture<ApiClient.Response> catchUp;
		this.consumer.stop();
		try {
			// what chat-service's send script does for 11 and 12 before their receipts
			this.redis.opsForValue().set(MessageKeys.sequence(partition(this.room), this.room), "12");
			append(message(this.room, 11));
			append(message(this.room, 12));
			catchUp = CompletableFuture.supplyAsync(() -> history("?after=10", this.bob));
			Thread.sleep(300);
			assertThat(catchUp).as("waits for storage").isNotDone();
		}
		finally {
			this.consumer.start();
		}
		ApiClient.Response rest = catchUp.get(10, TimeUnit.SECONDS);
		assertThat(seqs(rest)).containsExactly(11L, 12L);
		assertThat(rest.json().path("hasMore").asBoolean()).isFalse();
		assertThat(seqs(history("?after=12", this.bob))).as("nothing handed out beyond: no wait").isEmpty();
	}

	@Test
	void scrollsBackBeforeASeq() {
		ApiClient.Response older = history("?before=8&limit=2", this.bob);
		assertThat(seqs(older)).containsExactly(6L, 7L);
		assertThat(older.json().path("hasMore").asBoolean()).isTrue();
		ApiClient.Response oldest = history("?before=4", this.bob);
		assertThat(seqs(oldest)).containsExactly(1L, 2L, 3L);
		assertThat(oldest.json().path("hasMore").asBoolean()).isFalse();
	}

	@Test
	void readsBetweenTwoSeqs() {
		ApiClient.Response between = history("?after=2&before=6", this.bob);
		assertThat(seqs(between)).containsExactly(3L, 4L, 5L);
		assertThat(between.json().path("hasMore").asBoolean()).isFalse();
		ApiClient.Response limited = history("?after=2&before=9&limit=3", this.bob);
		assertThat(seqs(limited)).containsExactly(3L, 4L, 5L);
		assertThat(limited.json().path("hasMore").asBoolean()).isTrue();
	}

	@Test
	void rejectsALimitOutsideOneToAHundred() {
		assertValidationFailed(history("?limit=0", this.bob), "limit");
		assertValidationFailed(history("?limit=101", this.bob), "limit");
		assertValidationFailed(history("?limit=many", this.bob), "limit");
		assertValidationFailed(history("?after=-1", this.bob), "after");
		assertThat(seqs(history("?limit=100", this.bob))).hasSize(10);
	}

	@Test
	void showsADeletedMessageWithoutItsContent() {
		MessageEvent deleted = new MessageEvent(MessageEvent.TYPE, MessageEvent.VERSION, UUID.randomUUID(), this.room,
				11, this.alice, "c-11", "TEXT", null, Instant.now(), Instant.now(), true);
		append(deleted);
		awaitStored(this.room, 11);
		JsonNode last = history("?after=10", this.alice).json().path("items").get(0);
		assertThat(last.path("deleted").asBoolean()).isTrue();
		assertThat(last.path("content").isNull()).isTrue();
		assertThat(last.path("editedAt").asString()).endsWith("Z");
	}

	@Test
	void hidesTheRoomFromNonMembers() {
		assertProblem(history("", UUID.randomUUID()), 404, "ROOM_NOT_FOUND");
		assertProblem(this.api.get("/api/rooms/" + UUID.randomUUID() + "/messages", TestTokens.accessToken(this.alice)),
				404, "ROOM_NOT_FOUND");
		assertProblem(this.api.get("/api/rooms/not-a-room/messages", TestTokens.accessToken(this.alice)), 404,
				"ROOM_NOT_FOUND");
		assertProblem(this.api.get("/api/rooms/" + this.room + "/messages", null), 401, "UNAUTHORIZED");
	}

	@Test
	void answersServiceUnavailableWhenChatServiceFails() {
		UUID broken = UUID.randomUUID();
		CHAT.failFor(broken);
		assertProblem(this.api.get("/api/rooms/" + broken + "/messages", TestTokens.accessToken(this.alice)), 503,
				"SERVICE_UNAVAILABLE");
	}

	private ApiClient.Response history(String query, UUID caller) {
		return this.api.get("/api/rooms/" + this.room + "/messages" + query, TestTokens.accessToken(caller));
	}

	private static List<Long> seqs(ApiClient.Response page) {
		assertThat(page.status()).as(page.toString()).isEqualTo(200);
		return page.json().path("items").valueStream().map((item) -> item.path("seq").asLong()).toList();
	}

	static void assertProblem(ApiClient.Response response, int status, String code) {
		assertThat(response.status()).as(response.toString()).isEqualTo(status);
		assertThat(response.contentType()).startsWith("application/problem+json");
		assertThat(response.text("code")).isEqualTo(code);
	}

	static void assertValidationFailed(ApiClient.Response response, String field) {
		assertProblem(response, 400, "VALIDATION_FAILED");
		assertThat(response.json().path("errors").valueStream().map((error) -> error.path("field").asString()))
			.as(response.toString())
			.contains(field);
	}

}
