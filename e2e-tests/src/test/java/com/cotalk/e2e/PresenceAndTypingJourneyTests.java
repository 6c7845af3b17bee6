package com.cotalk.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

import com.cotalk.localstack.Service;
import com.cotalk.localstack.Stack;
import com.cotalk.testsupport.ApiClient;
import com.cotalk.testsupport.StompTestClient;

import tools.jackson.databind.JsonNode;

/**
 * Presence and typing with real STOMP clients through the gateway and straight to each of
 * the two chat-service instances: a user with two devices on two instances stays online
 * for their friends until both leave, a crashed instance's users go offline within a
 * minute, and a typist who disconnects stops typing for the room.
 */
class PresenceAndTypingJourneyTests {

	final ApiClient api = new ApiClient(E2eStack.gatewayUrl());

	@Test
	void friendsSeeAUserOnlineUntilTheirLastDeviceLeaves() throws Exception {
		Users.LoggedIn alice = Users.signUpAndLogIn(this.api, "Presence Alice");
		Users.LoggedIn bob = Users.signUpAndLogIn(this.api, "Presence Bob");
		befriend(alice, bob);
		List<String> instances = E2eStack.chatInstanceWebSocketUrls();
		try (StompTestClient bobs = StompTestClient.connect(E2eStack.gatewayWebSocketUrl(), bob.accessToken())) {
			StompTestClient phone = StompTestClient.connect(instances.get(0), alice.accessToken());
			assertPresence(bobs.nextEvent("presence"), alice, true);
			assertThat(friendOnline(bob, alice)).isTrue();

			StompTestClient laptop = StompTestClient.connect(instances.get(1), alice.accessToken());
			phone.close();
			assertThat(bobs.eventsWithin("presence", Duration.ofSeconds(2))).as("the laptop is still on").isEmpty();
			assertThat(friendOnline(bob, alice)).isTrue();

			laptop.close();
			assertPresence(bobs.nextEvent("presence"), alice, false);
			assertThat(friendOnline(bob, alice)).isFalse();
		}
	}

	@Test
	void theUsersOfACrashedInstanceGoOfflineWithinAMinute() throws Exception {
		Users.LoggedIn alice = Users.signUpAndLogIn(this.api, "Crash Alice");
		Users.LoggedIn bob = Users.signUpAndLogIn(this.api, "Crash Bob");
		befriend(alice, bob);
		Stack stack = E2eStack.get();
		Stack.Instance doomed = stack.instances(Service.CHAT).get(1);
		List<String> instances = E2eStack.chatInstanceWebSocketUrls();
		try (StompTestClient bobs = StompTestClient.connect(instances.get(0), bob.accessToken())) {
			StompTestClient alices = StompTestClient.connect(instances.get(1), alice.accessToken());
			assertPresence(bobs.nextEvent("presence"), alice, true);
			long killedAt = System.nanoTime();
			stack.kill(doomed);
			JsonNode heard = nextPresence(bobs, Duration.ofSeconds(60));
			assertThat(heard).as("a presence event within 60 s of the crash").isNotNull();
			assertPresence(heard, alice, false);
			assertThat(friendOnline(bob, alice)).isFalse();
			System.out.printf("offline announced at most %d s after the crash%n",
					TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - killedAt));
			alices.close();
		}
		finally {
			stack.restart(doomed);
		}
	}

	@Test
	void aTypistWhoDisconnectsStopsTypingForTheRoom() throws Exception {
		Users.LoggedIn alice = Users.signUpAndLogIn(this.api, "Typing Alice");
		Users.LoggedIn bob = Users.signUpAndLogIn(this.api, "Typing Bob");
		Users.awaitProfile(this.api, bob.accessToken());
		UUID roomId = UUID.fromString(
				this.api
					.post("/api/rooms", alice.accessToken(),
							Map.of("type", "GROUP", "name", "Typing", "memberIds", List.of(bob.userId())))
					.text("roomId"));
		try (StompTestClient alices = StompTestClient.connect(E2eStack.gatewayWebSocketUrl(), alice.accessToken())) {
			StompTestClient bobs = StompTestClient.connect(E2eStack.gatewayWebSocketUrl(), bob.accessToken());
			bobs.send("/app/rooms/" + roomId + "/typing", Map.of("typing", true), "r-typing").get(10, TimeUnit.SECONDS);
			JsonNode typing = alices.nextEvent("typing");
			assertThat(typing.path("userId").asString()).isEqualTo(bob.userId());
			assertThat(typing.path("typing").asBoolean()).isTrue();
			assertThat(bobs.eventsWithin("typing", Duration.ofMillis(300))).as("not to the typist").isEmpty();
			bobs.close();
			JsonNode stopped = alices.nextEvent("typing");
			assertThat(stopped.path("userId").asString()).isEqualTo(bob.userId());
			assertThat(stopped.path("typing").asBoolean()).isFalse();
		}
	}

	private void befriend(Users.LoggedIn from, Users.LoggedIn to) {
		Users.awaitProfile(this.api, to.accessToken());
		String requestId = this.api.post("/api/friends/requests", from.accessToken(), Map.of("userId", to.userId()))
			.text("requestId");
		assertThat(this.api.post("/api/friends/requests/" + requestId + "/accept", to.accessToken(), null).status())
			.isEqualTo(200);
	}

	private boolean friendOnline(Users.LoggedIn user, Users.LoggedIn friend) {
		return this.api.get("/api/friends", user.accessToken())
			.json()
			.path("items")
			.valueStream()
			.filter((item) -> item.path("userId").asString().equals(friend.userId()))
			.findFirst()
			.orElseThrow()
			.path("online")
			.asBoolean();
	}

	private static @Nullable JsonNode nextPresence(StompTestClient client, Duration within)
			throws InterruptedException {
		long deadline = System.nanoTime() + within.toNanos();
		long left;
		while ((left = deadline - System.nanoTime()) > 0) {
			JsonNode event = client.events.poll(left, TimeUnit.NANOSECONDS);
			if (event != null && "presence".equals(event.path("type").asString())) {
				return event;
			}
		}
		return null;
	}

	private static void assertPresence(JsonNode event, Users.LoggedIn user, boolean online) {
		assertThat(event.path("userId").asString()).isEqualTo(user.userId());
		assertThat(event.path("online").asBoolean()).isEqualTo(online);
	}

}
