package com.cotalk.chat;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;

import com.cotalk.testsupport.StompTestClient;
import com.cotalk.testsupport.TestInfrastructure;

import tools.jackson.databind.JsonNode;

/**
 * Two chat-service instances on one Redis and one database: members connected to
 * different instances all get every message of their room, see the same read positions,
 * and a user's friends see them online while any of their sessions is.
 */
class StompClusterTests extends ChatApiTestSupport {

	static ConfigurableApplicationContext second;

	static int secondPort;

	@BeforeAll
	static void startSecondInstance() {
		second = startInstance();
		secondPort = portOf(second);
	}

	@AfterAll
	static void stopSecondInstance() {
		if (second != null) {
			second.close();
		}
	}

	@Test
	void membersOnDifferentInstancesGetEveryMessage() throws Exception {
		TestUser alice = user("Alice");
		TestUser bob = user("Bob");
		TestUser carol = user("Carol");
		UUID roomId = group(alice, "spread", bob, carol);
		try (StompTestClient alicesPhone = StompTestClient.connect(this.port, alice.token());
				StompTestClient alicesLaptop = StompTestClient.connect(secondPort, alice.token());
				StompTestClient bobs = StompTestClient.connect(secondPort, bob.token());
				StompTestClient carols = StompTestClient.connect(this.port, carol.token())) {
			List<java.util.concurrent.CompletableFuture<Void>> receipts = new ArrayList<>();
			for (int n = 0; n < 10; n++) {
				receipts.add(alicesPhone.sendMessage(roomId, "a-" + n, "from A", "ra-" + n));
				receipts.add(bobs.sendMessage(roomId, "b-" + n, "from B", "rb-" + n));
			}
			for (var receipt : receipts) {
				receipt.get(10, TimeUnit.SECONDS);
			}
			for (StompTestClient member : List.of(alicesPhone, alicesLaptop, bobs, carols)) {
				List<Long> seqs = new ArrayList<>();
				while (seqs.size() < 20) {
					seqs.add(member.nextEvent("message").path("seq").asLong());
				}
				assertThat(seqs)
					.containsExactlyElementsOf(java.util.stream.LongStream.rangeClosed(1, 20).boxed().toList());
			}
		}
	}

	@Test
	void aMemberJoiningOnAnotherInstanceStartsReceiving() throws Exception {
		TestUser alice = user("Alice");
		TestUser dave = user("Dave");
		UUID roomId = group(alice, "growing");
		try (StompTestClient alices = StompTestClient.connect(this.port, alice.token());
				StompTestClient daves = StompTestClient.connect(secondPort, dave.token())) {
			var invited = this.api.post("/api/rooms/" + roomId + "/members", alice.token(),
					Map.of("userIds", List.of(dave.id().toString())));
			assertThat(invited.status()).as(invited.toString()).isEqualTo(200);
			String channel = com.cotalk.common.messages.MessageKeys
				.roomChannel(com.cotalk.common.messages.MessageKeys.partition(roomId, 16), roomId);
			long deadline = System.currentTimeMillis() + 10_000;
			while (subscribers(channel) < 2 && System.currentTimeMillis() < deadline) {
				Thread.sleep(50);
			}
			alices.sendMessage(roomId, "welcome", "hello Dave", "r-1").get(10, TimeUnit.SECONDS);
			// Dave's own member_joined may have been published before the other instance
			// heard of the join (clients catch up over REST); what follows reaches him
			JsonNode next;
			do {
				next = daves.nextEvent("message");
			}
			while (next.path("contentType").asString().equals("SYSTEM"));
			assertThat(next.path("clientMsgId").asString()).isEqualTo("welcome");
		}
	}

	@Test
	void aUserOnTwoInstancesStaysOnlineUntilTheLastSessionCloses() throws Exception {
		TestUser alice = user("Alice");
		TestUser bob = user("Bob");
		fakes.befriend(alice, bob);
		try (StompTestClient bobs = StompTestClient.connect(secondPort, bob.token())) {
			StompTestClient phone = StompTestClient.connect(this.port, alice.token());
			JsonNode online = bobs.nextEvent("presence");
			assertThat(online.path("userId").asString()).isEqualTo(alice.id().toString());
			assertThat(online.path("online").asBoolean()).isTrue();
			StompTestClient laptop = StompTestClient.connect(secondPort, alice.token());
			phone.close();
			assertThat(bobs.eventsWithin("presence", java.time.Duration.ofSeconds(1))).isEmpty();
			laptop.close();
			JsonNode offline = bobs.nextEvent("presence");
			assertThat(offline.path("userId").asString()).isEqualTo(alice.id().toString());
			assertThat(offline.path("online").asBoolean()).isFalse();
		}
	}

	@Test
	void aUserMovingToAnotherInstanceNeverGoesOfflineForFriends() throws Exception {
		TestUser alice = user("Alice");
		TestUser bob = user("Bob");
		fakes.befriend(alice, bob);
		try (StompTestClient bobs = StompTestClient.connect(this.port, bob.token())) {
			StompTestClient before = StompTestClient.connect(this.port, alice.token());
			assertThat(bobs.nextEvent("presence").path("online").asBoolean()).isTrue();
			// the disconnect announced by one instance, the connect by the other, within
			// one
			// announce interval
			before.close();
			try (StompTestClient after = StompTestClient.connect(secondPort, alice.token())) {
				assertThat(bobs.eventsWithin("presence", java.time.Duration.ofMillis(1500)))
					.noneMatch((event) -> !event.path("online").asBoolean());
			}
			JsonNode offline = bobs.nextEvent("presence");
			assertThat(offline.path("online").asBoolean()).isFalse();
		}
	}

	@Test
	void readPositionsMovedOnOneInstanceShowOnTheOtherAtOnce() {
		TestUser alice = user("Alice");
		TestUser bob = user("Bob");
		UUID roomId = group(alice, "reads", bob);
		com.cotalk.testsupport.ApiClient other = new com.cotalk.testsupport.ApiClient("http://127.0.0.1:" + secondPort);
		for (int n = 1; n <= 3; n++) {
			var sent = other.post("/api/rooms/" + roomId + "/messages", alice.token(),
					Map.of("clientMsgId", "m-" + n, "contentType", "TEXT", "content", "hi " + n));
			assertThat(sent.status()).as(sent.toString()).isEqualTo(201);
		}
		assertThat(other.put("/api/rooms/" + roomId + "/read", bob.token(), Map.of("seq", 2)).status()).isEqualTo(204);
		// straight away, well within the instances' write-behind interval
		Map<String, Long> positions = new HashMap<>();
		this.api.get("/api/rooms/" + roomId, alice.token())
			.json()
			.path("members")
			.forEach((member) -> positions.put(member.path("userId").asString(), member.path("lastReadSeq").asLong()));
		assertThat(positions).containsEntry(alice.id().toString(), 3L).containsEntry(bob.id().toString(), 2L);
		JsonNode bobsRoom = this.api.get("/api/rooms", bob.token())
			.json()
			.path("items")
			.valueStream()
			.filter((room) -> room.path("roomId").asString().equals(roomId.toString()))
			.findFirst()
			.orElseThrow();
		assertThat(bobsRoom.path("unreadCount").asLong()).isEqualTo(1);
		JsonNode alicesRoom = this.api.get("/api/rooms", alice.token())
			.json()
			.path("items")
			.valueStream()
			.filter((room) -> room.path("roomId").asString().equals(roomId.toString()))
			.findFirst()
			.orElseThrow();
		assertThat(alicesRoom.path("unreadCount").asLong()).isZero();
	}

	private static long subscribers(String channel) {
		io.lettuce.core.RedisClient client = io.lettuce.core.RedisClient.create(TestInfrastructure.redisUrl());
		try (var connection = client.connect()) {
			return connection.sync().pubsubNumsub(channel).getOrDefault(channel, 0L);
		}
		finally {
			client.shutdown();
		}
	}

}
