package com.cotalk.chat;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

import com.cotalk.testsupport.StompTestClient;

/** {@code SPUBLISH}/{@code SSUBSCRIBE} (Redis 7+, as on Redis Cluster) end to end. */
@TestPropertySource(properties = "cotalk.chat.sharded-pubsub=true")
class ShardedPubSubDeliveryTests extends ChatApiTestSupport {

	@Test
	void deliversMessagesAndReadEventsOverShardedChannels() throws Exception {
		TestUser alice = user("Alice");
		TestUser bob = user("Bob");
		UUID roomId = group(alice, "sharded", bob);
		try (StompTestClient alices = StompTestClient.connect(this.port, alice.token());
				StompTestClient bobs = StompTestClient.connect(this.port, bob.token())) {
			alices.sendMessage(roomId, "s-1", "sharded hello", "r-1").get(10, TimeUnit.SECONDS);
			assertThat(bobs.nextEvent("message").path("clientMsgId").asString()).isEqualTo("s-1");

			bobs.send("/app/rooms/" + roomId + "/read", Map.of("seq", 1), "r-2").get(10, TimeUnit.SECONDS);
			assertThat(alices.nextEvent("read").path("roomId").asString()).isEqualTo(roomId.toString());
		}
	}

}
