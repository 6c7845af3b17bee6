package com.cotalk.message.edit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.cotalk.common.ids.UuidV7;
import com.cotalk.common.messages.MessageEvent;
import com.cotalk.common.messages.MessageKeys;
import com.cotalk.message.MessageServiceTestSupport;
import com.cotalk.message.RoomChannelListener;
import com.cotalk.testsupport.ApiClient;
import com.cotalk.testsupport.TestTokens;

import tools.jackson.databind.JsonNode;

/**
 * Edit and delete for everyone in a room of Alice and Bob, where Alice sent seq 1 and 2,
 * Bob seq 3, and seq 4 is a SYSTEM message.
 */
class EditApiTests extends MessageServiceTestSupport {

	private static final Duration EVENT_WAIT = Duration.ofSeconds(5);

	UUID room;

	UUID alice;

	UUID bob;

	@BeforeEach
	void roomWithMessages() {
		this.room = UUID.randomUUID();
		this.alice = UUID.randomUUID();
		this.bob = UUID.randomUUID();
		CHAT.room(this.room, Map.of(this.alice, 2L, this.bob, 3L));
		append(text(1, this.alice, "hello"));
		append(text(2, this.alice, "너를 사랑해"));
		append(text(3, this.bob, "hi"));
		append(new MessageEvent(MessageEvent.TYPE, MessageEvent.VERSION, UuidV7.next(), this.room, 4, this.bob, "s-4",
				"SYSTEM", "member_joined", Instant.now().truncatedTo(ChronoUnit.MICROS), null, false));
		awaitStored(this.room, 4);
		counter(4);
	}

	@Test
	void theSenderEditsAndEveryMemberHearsOfIt() throws Exception {
		ApiClient.Response edited;
		try (RoomChannelListener channel = RoomChannelListener.listen(this.room)) {
			edited = edit(1, this.alice, "hello, edited");
			assertThat(edited.status()).as(edited.toString()).isEqualTo(200);
			JsonNode message = edited.json();
			assertThat(message.path("seq").asLong()).isEqualTo(1);
			assertThat(message.path("content").asString()).isEqualTo("hello, edited");
			assertThat(message.path("senderId").asString()).isEqualTo(this.alice.toString());
			assertThat(message.path("editedAt").asString()).matches("\\d{4}-.*\\.\\d{3}Z");
			assertThat(message.path("deleted").asBoolean()).isFalse();
			assertThat(message.path("unreadCount").asInt()).isZero();

			JsonNode event = channel.next(EVENT_WAIT);
			assertThat(event).isNotNull();
			assertThat(event.propertyNames()).containsExactlyInAnyOrder("type", "roomId", "seq", "content", "editedAt");
			assertThat(event.path("type").asString()).isEqualTo("message.updated");
			assertThat(event.path("roomId").asString()).isEqualTo(this.room.toString());
			assertThat(event.path("seq").asLong()).isEqualTo(1);
			assertThat(event.path("content").asString()).isEqualTo("hello, edited");
			assertThat(event.path("editedAt").asString()).isEqualTo(message.path("editedAt").asString());
		}
		JsonNode inHistory = historyItem(1, this.bob);
		assertThat(inHistory.path("content").asString()).isEqualTo("hello, edited");
		assertThat(inHistory.path("editedAt").asString()).isEqualTo(edited.json().path("editedAt").asString());
	}

	@Test
	void theSenderDeletesForEveryoneAndTheTextIsGoneFromStorage() throws Exception {
		try (RoomChannelListener channel = RoomChannelListener.listen(this.room)) {
			ApiClient.Response deleted = delete(2, this.alice);
			assertThat(deleted.status()).as(deleted.toString()).isEqualTo(204);
			JsonNode event = channel.next(EVENT_WAIT);
			assertThat(event).isNotNull();
			assertThat(event.propertyNames()).containsExactlyInAnyOrder("type", "roomId", "seq");
			assertThat(event.path("type").asString()).isEqualTo("message.deleted");
			assertThat(event.path("roomId").asString()).isEqualTo(this.room.toString());
			assertThat(event.path("seq").asLong()).isEqualTo(2);

			assertThat(delete(2, this.alice).status()).isEqualTo(204);
			assertThat(channel.next(Duration.ofMillis(300))).as("a second delete announces nothing").isNull();
		}
		JsonNode inHistory = historyItem(2, this.bob);
		assertThat(inHistory.path("deleted").asBoolean()).isTrue();
		assertThat(inHistory.path("content").isNull()).isTrue();
		assertThat(this.jdbc
			.sql("SELECT content IS NULL AND deleted FROM messages.messages WHERE room_id = :room AND seq = 2")
			.param("room", this.room)
			.query(Boolean.class)
			.single()).isTrue();
		assertProblem(edit(2, this.alice, "back?"), 409, "MESSAGE_DELETED");
	}

	@Test
	void onlyTheSenderMayChangeAMessage() {
		assertProblem(edit(3, this.alice, "not mine"), 403, "NOT_MESSAGE_SENDER");
		assertProblem(delete(3, this.alice), 403, "NOT_MESSAGE_SENDER");
		assertThat(historyItem(3, this.bob).path("content").asString()).isEqualTo("hi");
	}

	@Test
	void hidesTheRoomFromNonMembers() {
		UUID outsider = UUID.randomUUID();
		assertProblem(edit(1, outsider, "x"), 404, "ROOM_NOT_FOUND");
		assertProblem(delete(1, outsider), 404, "ROOM_NOT_FOUND");
		assertProblem(this.api.patch("/api/rooms/not-a-room/messages/1", TestTokens.accessToken(this.alice),
				Map.of("content", "x")), 404, "ROOM_NOT_FOUND");
		assertProblem(this.api.delete("/api/rooms/" + this.room + "/messages/1", null), 401, "UNAUTHORIZED");
	}

	@Test
	void answersNotFoundForASeqNeverHandedOut() {
		long started = System.nanoTime();
		assertProblem(edit(99, this.alice, "x"), 404, "MESSAGE_NOT_FOUND");
		assertProblem(delete(99, this.alice), 404, "MESSAGE_NOT_FOUND");
		assertProblem(edit(0, this.alice, "x"), 404, "MESSAGE_NOT_FOUND");
		assertProblem(this.api.patch("/api/rooms/" + this.room + "/messages/abc", TestTokens.accessToken(this.alice),
				Map.of("content", "x")), 404, "MESSAGE_NOT_FOUND");
		assertThat(Duration.ofNanos(System.nanoTime() - started))
			.as("beyond the room's counter: no waiting (one wait alone would take 2 s)")
			.isLessThan(Duration.ofSeconds(2));
	}

	@Test
	void waitsForAMessageNotStoredYet() throws Exception {
		counter(5);
		CompletableFuture<Void> storedLater = CompletableFuture.runAsync(() -> append(text(5, this.alice, "soon")),
				CompletableFuture.delayedExecutor(500, TimeUnit.MILLISECONDS));
		ApiClient.Response edited = edit(5, this.alice, "soon, edited");
		storedLater.get(5, TimeUnit.SECONDS);
		assertThat(edited.status()).as(edited.toString()).isEqualTo(200);
		assertThat(historyItem(5, this.bob).path("content").asString()).isEqualTo("soon, edited");
	}

	@Test
	void givesUpWaitingAfterAWhile() {
		counter(6);
		long started = System.nanoTime();
		assertProblem(delete(6, this.alice), 404, "MESSAGE_NOT_FOUND");
		assertThat(Duration.ofNanos(System.nanoTime() - started)).isBetween(Duration.ofMillis(1900),
				Duration.ofSeconds(5));
	}

	@Test
	void refusesToChangeASystemMessage() {
		assertProblem(edit(4, this.bob, "x"), 409, "MESSAGE_NOT_EDITABLE");
		assertProblem(delete(4, this.bob), 409, "MESSAGE_NOT_EDITABLE");
	}

	@Test
	void validatesTheNewContentAsSendingDoes() {
		assertValidationFailed(edit(1, this.alice, ""), "content");
		assertValidationFailed(edit(1, this.alice, "x".repeat(4001)), "content");
		assertValidationFailed(edit(1, this.alice, "a\u0000b"), "content");
		assertValidationFailed(this.api.patch("/api/rooms/" + this.room + "/messages/1",
				TestTokens.accessToken(this.alice), Map.of("other", "x")), "content");
		assertThat(edit(1, this.alice, "가".repeat(4000)).status()).isEqualTo(200);
	}

	@Test
	void aRedeliveredEntryNeverBringsBackOldContent() {
		MessageEvent original = text(7, this.alice, "original text");
		counter(7);
		append(original);
		awaitStored(this.room, 5);
		assertThat(edit(7, this.alice, "edited text").status()).isEqualTo(200);
		MessageEvent second = text(8, this.alice, "to delete");
		append(second);
		awaitStored(this.room, 6);
		counter(8);
		assertThat(delete(8, this.alice).status()).isEqualTo(204);

		append(original);
		append(second);
		append(text(9, this.alice, "marker"));
		awaitStored(this.room, 7);
		assertThat(historyItem(7, this.bob).path("content").asString()).isEqualTo("edited text");
		assertThat(historyItem(8, this.bob).path("deleted").asBoolean()).isTrue();
		assertThat(historyItem(8, this.bob).path("content").isNull()).isTrue();
	}

	@Test
	void theChatListPreviewFollowsEditsAndDeletes() {
		counter(5);
		append(text(5, this.alice, "last words"));
		awaitStored(this.room, 5);
		edit(5, this.alice, "last words, edited");
		assertThat(lastMessage().path("preview").asString()).isEqualTo("last words, edited");
		delete(5, this.alice);
		JsonNode last = lastMessage();
		assertThat(last.path("seq").asLong()).isEqualTo(5);
		assertThat(last.path("preview").isNull()).isTrue();
	}

	private JsonNode lastMessage() {
		ApiClient.Response response = getInternal("/internal/rooms/last-messages?ids=" + this.room);
		assertThat(response.status()).as(response.toString()).isEqualTo(200);
		return response.json().path("items").get(0);
	}

	private MessageEvent text(long seq, UUID sender, String content) {
		return MessageEvent.accepted(UuidV7.next(), this.room, seq, sender, "c-" + seq, "TEXT", content,
				Instant.now().truncatedTo(ChronoUnit.MICROS));
	}

	/** The room's sequence counter in Redis, as chat-service's send script keeps it. */
	private void counter(long lastSeq) {
		this.redis.opsForValue()
			.set(MessageKeys.sequence(partition(this.room), this.room), Long.toString(lastSeq), Duration.ofMinutes(5));
	}

	private ApiClient.Response edit(long seq, UUID caller, String content) {
		return this.api.patch("/api/rooms/" + this.room + "/messages/" + seq, TestTokens.accessToken(caller),
				Map.of("content", content));
	}

	private ApiClient.Response delete(long seq, UUID caller) {
		return this.api.delete("/api/rooms/" + this.room + "/messages/" + seq, TestTokens.accessToken(caller));
	}

	private JsonNode historyItem(long seq, UUID caller) {
		ApiClient.Response page = this.api.get("/api/rooms/" + this.room + "/messages?after=" + (seq - 1) + "&limit=1",
				TestTokens.accessToken(caller));
		assertThat(page.status()).as(page.toString()).isEqualTo(200);
		List<JsonNode> items = page.json().path("items").valueStream().toList();
		assertThat(items).hasSize(1);
		return items.get(0);
	}

	static void assertProblem(ApiClient.Response response, int status, String code) {
		assertThat(response.status()).as(response.toString()).isEqualTo(status);
		assertThat(response.contentType()).startsWith("application/problem+json");
		assertThat(response.text("code")).as(response.toString()).isEqualTo(code);
	}

	static void assertValidationFailed(ApiClient.Response response, String field) {
		assertProblem(response, 400, "VALIDATION_FAILED");
		assertThat(response.json().path("errors").valueStream().map((error) -> error.path("field").asString()))
			.as(response.toString())
			.contains(field);
	}

}
