package com.cotalk.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.cotalk.localstack.Service;
import com.cotalk.testsupport.ApiClient;
import com.cotalk.testsupport.ApiClient.Response;

import tools.jackson.databind.JsonNode;

/**
 * The design's promise: every message that got a receipt is in history, after any single
 * process crash. message-service is killed with SIGKILL in the middle of a stream of
 * sends and restarted; every receipted message must be stored exactly once.
 */
class CrashRecoveryTests {

	final ApiClient api = new ApiClient(E2eStack.gatewayUrl());

	@Test
	void everyReceiptedMessageIsStoredExactlyOnceAfterMessageServiceIsKilled() {
		Users.LoggedIn a = Users.signUpAndLogIn(this.api, "Crash A");
		Users.LoggedIn b = Users.signUpAndLogIn(this.api, "Crash B");
		Users.awaitProfile(this.api, b.accessToken());
		String roomId = this.api
			.post("/api/rooms", a.accessToken(), Map.of("type", "DIRECT", "memberIds", List.of(b.userId())))
			.text("roomId");

		List<Long> receipted = new ArrayList<>();
		for (int i = 0; i < 300; i++) {
			if (i == 100) {
				E2eStack.get().kill(Service.MESSAGE);
			}
			Response sent = this.api.post("/api/rooms/" + roomId + "/messages", a.accessToken(),
					Map.of("clientMsgId", "crash-" + i, "contentType", "TEXT", "content", "message " + i));
			if (sent.status() == 201) {
				receipted.add(sent.json().path("seq").asLong());
			}
		}
		E2eStack.get().restart(Service.MESSAGE);

		assertThat(receipted).hasSize(300);
		List<JsonNode> stored = awaitHistory(b, roomId, 300);
		assertThat(stored.stream().map((m) -> m.path("seq").asLong())).containsExactlyElementsOf(receipted);
		assertThat(stored.stream().map((m) -> m.path("clientMsgId").asString()).distinct()).hasSize(300);
		assertThat(stored.get(150).path("content").asString()).isEqualTo("message 150");
	}

	private List<JsonNode> awaitHistory(Users.LoggedIn reader, String roomId, int count) {
		Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
		List<JsonNode> all = all(reader, roomId);
		while (all.size() < count && Instant.now().isBefore(deadline)) {
			all = all(reader, roomId);
		}
		return all;
	}

	private List<JsonNode> all(Users.LoggedIn reader, String roomId) {
		List<JsonNode> all = new ArrayList<>();
		long after = 0;
		while (true) {
			Response page = this.api.get("/api/rooms/" + roomId + "/messages?limit=100&after=" + after,
					reader.accessToken());
			if (page.status() != 200) {
				return all;
			}
			JsonNode items = page.json().path("items");
			items.forEach(all::add);
			if (items.isEmpty() || !page.json().path("hasMore").asBoolean()) {
				return all;
			}
			after = items.get(items.size() - 1).path("seq").asLong();
		}
	}

}
