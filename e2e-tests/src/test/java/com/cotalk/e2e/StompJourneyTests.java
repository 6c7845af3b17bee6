package com.cotalk.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import com.cotalk.testsupport.ApiClient;
import com.cotalk.testsupport.StompTestClient;

import tools.jackson.databind.JsonNode;

/**
 * Real STOMP clients on real WebSockets through the gateway's {@code /ws} (which spreads
 * them over two chat-service instances), against the real services.
 */
class StompJourneyTests {

	final ApiClient api = new ApiClient(E2eStack.gatewayUrl());

	final String ws = E2eStack.gatewayWebSocketUrl();

	@Test
	void aMessageSentOverStompReachesEveryDeviceOfEveryMemberAndHistory() throws Exception {
		Users.LoggedIn a = Users.signUpAndLogIn(this.api, "Stomp A");
		Users.LoggedIn b = Users.signUpAndLogIn(this.api, "Stomp B");
		Users.awaitProfile(this.api, b.accessToken());
		UUID roomId = UUID.fromString(
				this.api.post("/api/rooms", a.accessToken(), Map.of("type", "DIRECT", "memberIds", List.of(b.userId())))
					.text("roomId"));

		try (StompTestClient phone = StompTestClient.connect(this.ws, a.accessToken());
				StompTestClient laptop = StompTestClient.connect(this.ws, a.accessToken());
				StompTestClient other = StompTestClient.connect(this.ws, b.accessToken())) {
			phone.sendMessage(roomId, "s-1", "안녕하세요", "r-1").get(10, TimeUnit.SECONDS);
			for (StompTestClient device : List.of(phone, laptop, other)) {
				JsonNode message = device.nextEvent("message");
				assertThat(message.path("roomId").asString()).isEqualTo(roomId.toString());
				assertThat(message.path("seq").asLong()).isEqualTo(1);
				assertThat(message.path("senderId").asString()).isEqualTo(a.userId());
				assertThat(message.path("content").asString()).isEqualTo("안녕하세요");
			}

			other.send("/app/rooms/" + roomId + "/read", Map.of("seq", 1), "r-2").get(10, TimeUnit.SECONDS);
			JsonNode read = phone.nextEvent("read");
			assertThat(read.path("userId").asString()).isEqualTo(b.userId());
			assertThat(read.path("lastReadSeq").asLong()).isEqualTo(1);
		}
		JsonNode stored = this.api.get("/api/rooms/" + roomId + "/messages", b.accessToken()).json().path("items");
		for (int i = 0; i < 50 && stored.isEmpty(); i++) {
			Thread.sleep(100);
			stored = this.api.get("/api/rooms/" + roomId + "/messages", b.accessToken()).json().path("items");
		}
		assertThat(stored.get(0).path("clientMsgId").asString()).isEqualTo("s-1");
	}

	@Test
	void refusesABadTokenAndAnswersANonMembersSendWithAnErrorEvent() throws Exception {
		StompTestClient refused = StompTestClient.attemptUrl(this.ws, "not-a-token", null);
		assertThat(refused.errorFrames.poll(10, TimeUnit.SECONDS)).isEqualTo("UNAUTHORIZED");

		Users.LoggedIn outsider = Users.signUpAndLogIn(this.api, "Stomp Outsider");
		try (StompTestClient client = StompTestClient.connect(this.ws, outsider.accessToken())) {
			client.sendMessage(UUID.randomUUID(), "o-1", "hello?", "r-9");
			JsonNode error = client.nextError();
			assertThat(error.path("code").asString()).isEqualTo("ROOM_NOT_FOUND");
			assertThat(error.path("clientMsgId").asString()).isEqualTo("o-1");
			assertThat(error.path("receiptId").asString()).isEqualTo("r-9");
			assertThat(client.session().isConnected()).isTrue();
		}
	}

}
