package com.cotalk.chat;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;

import com.cotalk.testsupport.ApiClient;
import com.cotalk.testsupport.StompTestClient;

import tools.jackson.databind.JsonNode;

/**
 * An instance shutting down (SIGTERM closes the context) while clients are connected:
 * readiness goes down first, each client is told to reconnect and cut off, and only users
 * who did not come back elsewhere go offline for their friends.
 */
class ShutdownDrainTests extends ChatApiTestSupport {

	@Test
	void clientsAreToldToReconnectElsewhereAndFriendsSeeNoFlap() throws Exception {
		ConfigurableApplicationContext draining = startInstance("cotalk.chat.drain.delay=1500ms",
				"cotalk.chat.drain.spread=500ms", "cotalk.chat.drain.presence-grace=2s");
		int drainingPort = portOf(draining);
		TestUser mover = user("Mover");
		TestUser leaver = user("Leaver");
		TestUser friend = user("Friend");
		fakes.befriend(mover, friend);
		fakes.befriend(leaver, friend);
		try (StompTestClient friends = StompTestClient.connect(this.port, friend.token())) {
			StompTestClient moving = StompTestClient.connect(drainingPort, mover.token());
			StompTestClient leaving = StompTestClient.connect(drainingPort, leaver.token());
			assertThat(friends.eventsWithin("presence", Duration.ofSeconds(2))).hasSize(2);

			Instant started = Instant.now();
			CompletableFuture<Void> closed = CompletableFuture.runAsync(draining::close);
			ApiClient drainingApi = new ApiClient("http://127.0.0.1:" + drainingPort);
			awaitStatus(drainingApi, 503);

			JsonNode told = moving.nextEvent("reconnect");
			assertThat(told.path("reason").asString()).isEqualTo("SERVER_SHUTTING_DOWN");
			assertThat(leaving.nextEvent("reconnect").path("reason").asString()).isEqualTo("SERVER_SHUTTING_DOWN");
			moving.closed.get(5, TimeUnit.SECONDS);
			leaving.closed.get(5, TimeUnit.SECONDS);
			assertThat(Duration.between(started, Instant.now())).as("not before the delay")
				.isGreaterThanOrEqualTo(Duration.ofMillis(1500));
			try (StompTestClient moved = StompTestClient.connect(this.port, mover.token())) {
				closed.get(20, TimeUnit.SECONDS);

				JsonNode offline = friends.nextEvent("presence");
				assertThat(offline.path("userId").asString()).as("only the user who did not come back")
					.isEqualTo(leaver.id().toString());
				assertThat(offline.path("online").asBoolean()).isFalse();
				assertThat(friends.eventsWithin("presence", Duration.ofSeconds(1))).isEmpty();
			}
		}
		finally {
			draining.close();
		}
	}

	private static void awaitStatus(ApiClient api, int status) throws InterruptedException {
		Instant deadline = Instant.now().plus(Duration.ofSeconds(5));
		int now = api.get("/actuator/health/readiness", null).status();
		while (now != status && Instant.now().isBefore(deadline)) {
			Thread.sleep(50);
			now = api.get("/actuator/health/readiness", null).status();
		}
		assertThat(now).as("readiness of the instance shutting down").isEqualTo(status);
	}

}
