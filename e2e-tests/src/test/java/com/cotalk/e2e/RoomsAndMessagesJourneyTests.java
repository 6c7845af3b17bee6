package com.cotalk.e2e;

import static com.cotalk.e2e.AccountJourneyTests.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.cotalk.testsupport.ApiClient;
import com.cotalk.testsupport.ApiClient.Response;

import tools.jackson.databind.JsonNode;

/**
 * Rooms, sending over REST and history, through the gateway: chat-service accepts,
 * message-service stores.
 */
class RoomsAndMessagesJourneyTests {

	final ApiClient api = new ApiClient(E2eStack.gatewayUrl());

	Users.LoggedIn user(String name) {
		Users.LoggedIn user = Users.signUpAndLogIn(this.api, name);
		assertThat(Users.awaitProfile(this.api, user.accessToken()).status()).isEqualTo(200);
		return user;
	}

	Response send(Users.LoggedIn sender, String roomId, String clientMsgId, String content) {
		return this.api.post("/api/rooms/" + roomId + "/messages", sender.accessToken(),
				Map.of("clientMsgId", clientMsgId, "contentType", "TEXT", "content", content));
	}

	/** Receipted messages are stored from the stream within about a second. */
	JsonNode historyWith(Users.LoggedIn reader, String roomId, int count) {
		Instant deadline = Instant.now().plus(Duration.ofSeconds(10));
		JsonNode items = this.api.get("/api/rooms/" + roomId + "/messages", reader.accessToken()).json().path("items");
		while (items.size() < count && Instant.now().isBefore(deadline)) {
			items = this.api.get("/api/rooms/" + roomId + "/messages", reader.accessToken()).json().path("items");
		}
		return items;
	}

	@Test
	void aDirectConversationFromFirstMessageToRead() {
		Users.LoggedIn minjun = user("민준");
		Users.LoggedIn seoyeon = user("서연");

		Response created = this.api.post("/api/rooms", minjun.accessToken(),
				Map.of("type", "DIRECT", "memberIds", List.of(seoyeon.userId())));
		assertThat(created.status()).as(created.toString()).isEqualTo(201);
		String roomId = created.text("roomId");
		Response again = this.api.post("/api/rooms", seoyeon.accessToken(),
				Map.of("type", "DIRECT", "memberIds", List.of(minjun.userId())));
		assertThat(again.status()).isEqualTo(200);
		assertThat(again.text("roomId")).isEqualTo(roomId);

		for (int i = 1; i <= 3; i++) {
			Response sent = send(minjun, roomId, "c-" + i, "안녕 " + i);
			assertThat(sent.status()).as(sent.toString()).isEqualTo(201);
			assertThat(sent.json().path("seq").asLong()).isEqualTo(i);
		}
		Response resent = send(minjun, roomId, "c-2", "안녕 2");
		assertThat(resent.status()).isEqualTo(200);
		assertThat(resent.json().path("seq").asLong()).isEqualTo(2);

		JsonNode history = historyWith(seoyeon, roomId, 3);
		assertThat(history.valueStream().map((m) -> m.path("seq").asLong())).containsExactly(1L, 2L, 3L);
		assertThat(history.get(0).path("content").asString()).isEqualTo("안녕 1");
		assertThat(history.get(0).path("senderId").asString()).isEqualTo(minjun.userId());
		// the sender has read what they sent; the other member has not
		assertThat(history.valueStream().map((m) -> m.path("unreadCount").asInt())).containsOnly(1);

		JsonNode chat = chatListEntry(seoyeon, roomId);
		assertThat(chat.path("lastSeq").asLong()).isEqualTo(3);
		assertThat(chat.path("unreadCount").asLong()).isEqualTo(3);
		assertThat(chat.path("name").asString()).isEqualTo("민준");

		assertThat(this.api.put("/api/rooms/" + roomId + "/read", seoyeon.accessToken(), Map.of("seq", 3)).status())
			.isEqualTo(204);
		assertThat(this.api.put("/api/rooms/" + roomId + "/read", seoyeon.accessToken(), Map.of("seq", 1)).status())
			.isEqualTo(204);
		assertThat(chatListEntry(seoyeon, roomId).path("unreadCount").asLong()).isZero();
		Instant deadline = Instant.now().plus(Duration.ofSeconds(5));
		JsonNode reread = historyWith(minjun, roomId, 3);
		while (reread.get(2).path("unreadCount").asInt() != 0 && Instant.now().isBefore(deadline)) {
			reread = historyWith(minjun, roomId, 3);
		}
		assertThat(reread.valueStream().map((m) -> m.path("unreadCount").asInt())).containsOnly(0);
	}

	@Test
	void outsidersSeeNothingAndCannotSend() {
		Users.LoggedIn a = user("Ahn");
		Users.LoggedIn b = user("Baek");
		Users.LoggedIn outsider = user("Outsider");
		String roomId = this.api
			.post("/api/rooms", a.accessToken(), Map.of("type", "DIRECT", "memberIds", List.of(b.userId())))
			.text("roomId");
		assertProblem(this.api.get("/api/rooms/" + roomId, outsider.accessToken()), 404, "ROOM_NOT_FOUND");
		assertProblem(send(outsider, roomId, "x-1", "hi"), 404, "ROOM_NOT_FOUND");
		assertProblem(this.api.get("/api/rooms/" + roomId + "/messages", outsider.accessToken()), 404,
				"ROOM_NOT_FOUND");
		assertProblem(send(a, roomId, "x-2", ""), 400, "VALIDATION_FAILED");
		assertProblem(send(a, roomId, "x-3", "x".repeat(4001)), 400, "VALIDATION_FAILED");
	}

	@Test
	void aGroupShowsJoinsAndLeavesInHistory() {
		Users.LoggedIn owner = user("Owner");
		Users.LoggedIn member = user("Member");
		Users.LoggedIn invited = user("Invited");
		Response group = this.api.post("/api/rooms", owner.accessToken(),
				Map.of("type", "GROUP", "name", "주말 등산", "memberIds", List.of(member.userId())));
		assertThat(group.status()).as(group.toString()).isEqualTo(201);
		String roomId = group.text("roomId");
		assertThat(this.api
			.post("/api/rooms/" + roomId + "/members", owner.accessToken(),
					Map.of("userIds", List.of(invited.userId())))
			.status()).isEqualTo(200);
		assertThat(this.api.delete("/api/rooms/" + roomId + "/members/me", member.accessToken()).status())
			.isEqualTo(204);

		JsonNode history = historyWith(owner, roomId, 2);
		assertThat(history.valueStream()
			.map((m) -> m.path("contentType").asString() + ":" + m.path("content").asString() + ":"
					+ m.path("senderId").asString()))
			.containsExactly("SYSTEM:member_joined:" + invited.userId(), "SYSTEM:member_left:" + member.userId());
		assertThat(chatListEntry(owner, roomId).path("memberCount").asInt()).isEqualTo(2);
		assertProblem(this.api.get("/api/rooms/" + roomId, member.accessToken()), 404, "ROOM_NOT_FOUND");
	}

	@Test
	void aBlockEndsTheDirectConversation() {
		Users.LoggedIn a = user("Cho");
		Users.LoggedIn b = user("Do");
		String roomId = this.api
			.post("/api/rooms", a.accessToken(), Map.of("type", "DIRECT", "memberIds", List.of(b.userId())))
			.text("roomId");
		assertThat(this.api.put("/api/blocks/" + a.userId(), b.accessToken(), null).status()).isEqualTo(204);
		assertThat(send(a, roomId, "b-1", "are you there?").status()).isEqualTo(404);
		assertProblem(this.api.post("/api/rooms", a.accessToken(),
				Map.of("type", "DIRECT", "memberIds", List.of(b.userId()))), 404, "USER_NOT_FOUND");
	}

	JsonNode chatListEntry(Users.LoggedIn user, String roomId) {
		return this.api.get("/api/rooms", user.accessToken())
			.json()
			.path("items")
			.valueStream()
			.filter((room) -> room.path("roomId").asString().equals(roomId))
			.findFirst()
			.orElseThrow();
	}

}
