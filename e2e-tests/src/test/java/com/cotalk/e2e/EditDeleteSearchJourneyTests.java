package com.cotalk.e2e;

import static com.cotalk.e2e.AccountJourneyTests.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import com.cotalk.testsupport.ApiClient;
import com.cotalk.testsupport.StompTestClient;

import tools.jackson.databind.JsonNode;

/**
 * Edit, delete for everyone and search, through the gateway: message-service changes the
 * stored message and publishes on the room's channel, and chat-service's fan-out (on
 * either instance) delivers the change to every member's STOMP sessions.
 */
class EditDeleteSearchJourneyTests {

	final ApiClient api = new ApiClient(E2eStack.gatewayUrl());

	final String ws = E2eStack.gatewayWebSocketUrl();

	@Test
	void theSenderEditsThenDeletesAndEveryMemberSeesItLiveInHistoryAndInSearch() throws Exception {
		Users.LoggedIn jiwoo = Users.signUpAndLogIn(this.api, "지우");
		Users.LoggedIn hana = Users.signUpAndLogIn(this.api, "하나");
		Users.awaitProfile(this.api, hana.accessToken());
		UUID roomId = UUID.fromString(this.api
			.post("/api/rooms", jiwoo.accessToken(), Map.of("type", "DIRECT", "memberIds", List.of(hana.userId())))
			.text("roomId"));

		try (StompTestClient sender = StompTestClient.connect(this.ws, jiwoo.accessToken());
				StompTestClient other = StompTestClient.connect(this.ws, hana.accessToken())) {
			sender.sendMessage(roomId, "e-1", "너를 사랑해", "r-1").get(10, TimeUnit.SECONDS);
			sender.nextEvent("message");
			other.nextEvent("message");

			// right after the receipt: the edit waits for the message to be stored
			ApiClient.Response edited = this.api.patch("/api/rooms/" + roomId + "/messages/1", jiwoo.accessToken(),
					Map.of("content", "너를 정말 사랑해"));
			assertThat(edited.status()).as(edited.toString()).isEqualTo(200);
			assertThat(edited.json().path("content").asString()).isEqualTo("너를 정말 사랑해");
			String editedAt = edited.json().path("editedAt").asString();
			assertThat(editedAt).endsWith("Z");
			for (StompTestClient client : List.of(sender, other)) {
				JsonNode updated = client.nextEvent("message.updated");
				assertThat(updated.path("roomId").asString()).isEqualTo(roomId.toString());
				assertThat(updated.path("seq").asLong()).isEqualTo(1);
				assertThat(updated.path("content").asString()).isEqualTo("너를 정말 사랑해");
				assertThat(updated.path("editedAt").asString()).isEqualTo(editedAt);
			}
			JsonNode stored = history(hana, roomId).get(0);
			assertThat(stored.path("content").asString()).isEqualTo("너를 정말 사랑해");
			assertThat(stored.path("editedAt").asString()).isEqualTo(editedAt);

			assertProblem(this.api.patch("/api/rooms/" + roomId + "/messages/1", hana.accessToken(),
					Map.of("content", "hijacked")), 403, "NOT_MESSAGE_SENDER");
			assertProblem(this.api.delete("/api/rooms/" + roomId + "/messages/1", hana.accessToken()), 403,
					"NOT_MESSAGE_SENDER");

			List<JsonNode> found = search(hana, "사랑");
			assertThat(found).hasSize(1);
			assertThat(found.get(0).path("roomId").asString()).isEqualTo(roomId.toString());
			assertThat(found.get(0).path("content").asString()).isEqualTo("너를 정말 사랑해");

			ApiClient.Response deleted = this.api.delete("/api/rooms/" + roomId + "/messages/1", jiwoo.accessToken());
			assertThat(deleted.status()).as(deleted.toString()).isEqualTo(204);
			for (StompTestClient client : List.of(sender, other)) {
				JsonNode event = client.nextEvent("message.deleted");
				assertThat(event.path("roomId").asString()).isEqualTo(roomId.toString());
				assertThat(event.path("seq").asLong()).isEqualTo(1);
			}
		}
		JsonNode gone = history(hana, roomId).get(0);
		assertThat(gone.path("deleted").asBoolean()).isTrue();
		assertThat(gone.path("content").isNull()).isTrue();
		assertThat(search(hana, "사랑")).isEmpty();
		assertThat(search(jiwoo, "사랑")).isEmpty();
		JsonNode chat = this.api.get("/api/rooms", hana.accessToken())
			.json()
			.path("items")
			.valueStream()
			.filter((room) -> room.path("roomId").asString().equals(roomId.toString()))
			.findFirst()
			.orElseThrow();
		assertThat(chat.path("lastMessage").path("preview").isNull()).as(chat.toString()).isTrue();
	}

	@Test
	void searchAnswersOnlyFromTheCallersRoomsAndRefusesAOneCharacterQuery() throws InterruptedException {
		Users.LoggedIn a = Users.signUpAndLogIn(this.api, "Search A");
		Users.LoggedIn b = Users.signUpAndLogIn(this.api, "Search B");
		Users.LoggedIn outsider = Users.signUpAndLogIn(this.api, "Search Outsider");
		Users.awaitProfile(this.api, b.accessToken());
		String roomId = this.api
			.post("/api/rooms", a.accessToken(), Map.of("type", "DIRECT", "memberIds", List.of(b.userId())))
			.text("roomId");
		String word = "Zebra" + UUID.randomUUID().toString().substring(0, 8);
		ApiClient.Response sent = this.api.post("/api/rooms/" + roomId + "/messages", a.accessToken(),
				Map.of("clientMsgId", "z-1", "contentType", "TEXT", "content", "a " + word + " crossing"));
		assertThat(sent.status()).as(sent.toString()).isEqualTo(201);
		Instant deadline = Instant.now().plus(Duration.ofSeconds(10));
		List<JsonNode> found = search(b, word.toLowerCase());
		while (found.isEmpty() && Instant.now().isBefore(deadline)) {
			Thread.sleep(100);
			found = search(b, word.toLowerCase());
		}
		assertThat(found).hasSize(1);
		assertThat(search(outsider, word)).isEmpty();
		assertProblem(this.api.get("/api/messages/search?q=z", b.accessToken()), 400, "VALIDATION_FAILED");
		assertProblem(this.api.get("/api/messages/search?q=" + word + "&roomId=" + roomId, outsider.accessToken()), 404,
				"ROOM_NOT_FOUND");
	}

	private JsonNode history(Users.LoggedIn reader, UUID roomId) {
		ApiClient.Response page = this.api.get("/api/rooms/" + roomId + "/messages", reader.accessToken());
		assertThat(page.status()).as(page.toString()).isEqualTo(200);
		return page.json().path("items");
	}

	private List<JsonNode> search(Users.LoggedIn caller, String q) {
		ApiClient.Response page = this.api.get("/api/messages/search?q=" + URLEncoder.encode(q, StandardCharsets.UTF_8),
				caller.accessToken());
		assertThat(page.status()).as(page.toString()).isEqualTo(200);
		return page.json().path("items").valueStream().toList();
	}

}
