package com.cotalk.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import com.cotalk.testsupport.ApiClient;
import com.cotalk.testsupport.StompTestClient;

import tools.jackson.databind.JsonNode;

/**
 * Members of one group connected to different chat-service instances (one on each
 * directly, one through the gateway) all receive every message, in one order, whichever
 * instance it was sent to.
 */
class CrossInstanceDeliveryTests {

	private static final int PER_SENDER = 25;

	final ApiClient api = new ApiClient(E2eStack.gatewayUrl());

	@Test
	void membersOnDifferentInstancesReceiveEveryMessageInOneOrder() throws Exception {
		Users.LoggedIn alice = Users.signUpAndLogIn(this.api, "Cross Alice");
		Users.LoggedIn bob = Users.signUpAndLogIn(this.api, "Cross Bob");
		Users.LoggedIn carol = Users.signUpAndLogIn(this.api, "Cross Carol");
		Users.awaitProfile(this.api, bob.accessToken());
		Users.awaitProfile(this.api, carol.accessToken());
		UUID roomId = UUID.fromString(
				this.api
					.post("/api/rooms", alice.accessToken(),
							Map.of("type", "GROUP", "name", "Across", "memberIds",
									List.of(bob.userId(), carol.userId())))
					.text("roomId"));
		List<String> instances = E2eStack.chatInstanceWebSocketUrls();
		assertThat(instances).hasSize(2);

		try (StompTestClient onFirst = StompTestClient.connect(instances.get(0), alice.accessToken());
				StompTestClient onSecond = StompTestClient.connect(instances.get(1), bob.accessToken());
				StompTestClient viaGateway = StompTestClient.connect(E2eStack.gatewayWebSocketUrl(),
						carol.accessToken())) {
			// both senders at once, each on its own instance
			List<CompletableFuture<Void>> receipts = new ArrayList<>();
			for (int i = 0; i < PER_SENDER; i++) {
				receipts.add(onFirst.sendMessage(roomId, "a-" + i, "from the first " + i, "ra-" + i));
				receipts.add(onSecond.sendMessage(roomId, "b-" + i, "from the second " + i, "rb-" + i));
			}
			CompletableFuture.allOf(receipts.toArray(CompletableFuture[]::new)).get(30, TimeUnit.SECONDS);

			List<String> firstOrder = received(onFirst);
			assertThat(received(onSecond)).isEqualTo(firstOrder);
			assertThat(received(viaGateway)).isEqualTo(firstOrder);
			assertThat(firstOrder).hasSize(2 * PER_SENDER)
				.filteredOn((id) -> id.startsWith("a-"))
				.containsExactly(IntStream.range(0, PER_SENDER).mapToObj((i) -> "a-" + i).toArray(String[]::new));
		}
	}

	/**
	 * The clientMsgIds of the room's messages in the order this client got them, checking
	 * that their seq run 1, 2, 3, ... without gaps.
	 */
	private static List<String> received(StompTestClient client) throws InterruptedException {
		List<String> ids = new ArrayList<>();
		for (int seq = 1; seq <= 2 * PER_SENDER; seq++) {
			JsonNode message = client.nextEvent("message");
			assertThat(message).as("message %d", seq).isNotNull();
			assertThat(message.path("seq").asLong()).isEqualTo(seq);
			ids.add(message.path("clientMsgId").asString());
		}
		return ids;
	}

}
