package com.cotalk.chat;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

import com.cotalk.common.presence.PresenceKeys;
import com.cotalk.testsupport.StompTestClient;

import tools.jackson.databind.JsonNode;

/**
 * Presence told to online friends on a user's first connect and last disconnect, crashed
 * instances' users going offline, and typing throttled and ending on its own.
 */
@TestPropertySource(properties = { "cotalk.chat.presence.sweep-interval=200ms",
		"cotalk.chat.presence.instance-timeout=2s", "cotalk.chat.presence.refresh-interval=1s",
		"cotalk.chat.ws.typing-timeout=1s", "cotalk.chat.ws.typing-sweep-interval=100ms" })
class PresenceAndTypingTests extends ChatApiTestSupport {

	static final Duration QUIET = Duration.ofMillis(1500);

	@Test
	void friendsHearOfTheFirstConnectAndTheLastDisconnectOnly() throws Exception {
		TestUser alice = user("Alice");
		TestUser bob = user("Bob");
		TestUser stranger = user("Stranger");
		fakes.befriend(alice, bob);
		try (StompTestClient bobs = StompTestClient.connect(this.port, bob.token());
				StompTestClient strangers = StompTestClient.connect(this.port, stranger.token())) {
			StompTestClient phone = StompTestClient.connect(this.port, alice.token());
			assertPresence(bobs.nextEvent("presence"), alice, true);
			assertThat(liveSessions(alice)).isEqualTo(1);

			StompTestClient laptop = StompTestClient.connect(this.port, alice.token());
			phone.close();
			assertThat(bobs.eventsWithin("presence", QUIET)).as("Alice is still on her laptop").isEmpty();
			assertThat(liveSessions(alice)).isEqualTo(1);

			laptop.close();
			assertPresence(bobs.nextEvent("presence"), alice, false);
			assertThat(liveSessions(alice)).isZero();
			assertThat(strangers.eventsWithin("presence", Duration.ofMillis(300))).isEmpty();
		}
	}

	@Test
	void liveSessionsAndTheInstanceKeepBeingRefreshed() throws Exception {
		TestUser alice = user("Alice");
		try (StompTestClient phone = StompTestClient.connect(this.port, alice.token())) {
			Double first = onlyScore(alice);
			Thread.sleep(1500);
			assertThat(onlyScore(alice)).as("the session's live-until moved on").isGreaterThan(first);
			Double beat = this.redis.opsForZSet()
				.rangeByScoreWithScores("chat:instances", System.currentTimeMillis(), Double.POSITIVE_INFINITY)
				.stream()
				.map((entry) -> entry.getScore())
				.findFirst()
				.orElse(null);
			assertThat(beat).as("this instance's next heart-beat is due in the future").isNotNull();
		}
	}

	@Test
	void theUsersOfAnInstanceThatStoppedBeatingGoOffline() throws Exception {
		TestUser alice = user("Alice");
		TestUser bob = user("Bob");
		fakes.befriend(alice, bob);
		try (StompTestClient bobs = StompTestClient.connect(this.port, bob.token())) {
			// what a crashed instance leaves behind: a heart-beat overdue and a session
			// scored ahead
			String crashed = "crashed" + UUID.randomUUID().toString().substring(0, 8);
			long now = System.currentTimeMillis();
			this.redis.opsForSet().add("chat:instance:{" + crashed + "}:users", alice.id().toString());
			this.redis.opsForZSet().add(PresenceKeys.key(alice.id()), crashed + ":session-1", now + 40_000);
			this.redis.opsForZSet().add("chat:instances", crashed, now - 1_000);
			assertPresence(bobs.nextEvent("presence"), alice, false);
			assertThat(liveSessions(alice)).isZero();
			assertThat(this.redis.hasKey("chat:instance:{" + crashed + "}:users")).isFalse();
		}
	}

	@Test
	void typingIsPassedOnOncePerThrottleAndEndsWhenTheTypistGoesQuiet() throws Exception {
		TestUser alice = user("Alice");
		TestUser bob = user("Bob");
		UUID roomId = group(alice, "typing", bob);
		try (StompTestClient alices = StompTestClient.connect(this.port, alice.token());
				StompTestClient bobs = StompTestClient.connect(this.port, bob.token())) {
			for (int i = 0; i < 5; i++) {
				typing(bobs, roomId, true, i);
			}
			var heard = alices.eventsWithin("typing", Duration.ofMillis(600));
			assertThat(heard).hasSize(1);
			assertThat(heard.get(0).path("typing").asBoolean()).isTrue();
			JsonNode stopped = alices.nextEvent("typing");
			assertThat(stopped.path("userId").asString()).isEqualTo(bob.id().toString());
			assertThat(stopped.path("typing").asBoolean()).isFalse();
			assertThat(alices.eventsWithin("typing", Duration.ofMillis(500))).isEmpty();
		}
	}

	private static void typing(StompTestClient client, UUID roomId, boolean typing, int n) throws Exception {
		client.send("/app/rooms/" + roomId + "/typing", java.util.Map.of("typing", typing), "r-t-" + n)
			.get(10, TimeUnit.SECONDS);
	}

	private Double onlyScore(TestUser user) {
		var scored = this.redis.opsForZSet().rangeWithScores(PresenceKeys.key(user.id()), 0, -1);
		assertThat(scored).hasSize(1);
		return scored.iterator().next().getScore();
	}

	private long liveSessions(TestUser user) {
		Long count = this.redis.opsForZSet()
			.count(PresenceKeys.key(user.id()), System.currentTimeMillis(), Double.POSITIVE_INFINITY);
		return (count != null) ? count : 0;
	}

	private static void assertPresence(JsonNode event, TestUser user, boolean online) {
		assertThat(event.path("userId").asString()).isEqualTo(user.id().toString());
		assertThat(event.path("online").asBoolean()).isEqualTo(online);
	}

}
