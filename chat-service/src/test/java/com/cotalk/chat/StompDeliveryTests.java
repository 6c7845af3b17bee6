package com.cotalk.chat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.LongStream;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.core.task.SyncTaskExecutor;
import org.springframework.core.task.VirtualThreadTaskExecutor;
import org.springframework.messaging.support.ExecutorSubscribableChannel;
import org.springframework.test.context.TestPropertySource;

import com.cotalk.testsupport.StompTestClient;
import com.cotalk.testsupport.TestTokens;

import tools.jackson.databind.JsonNode;

@TestPropertySource(properties = "cotalk.chat.allowed-origins=https://app.cotalk.example")
class StompDeliveryTests extends ChatApiTestSupport {

	@Autowired
	@Qualifier("clientInboundChannel")
	ExecutorSubscribableChannel clientInboundChannel;

	@Autowired
	@Qualifier("clientOutboundChannel")
	ExecutorSubscribableChannel clientOutboundChannel;

	@Test
	void refusesConnectWithoutAValidToken() throws Exception {
		TestUser alice = user("Alice");
		String expired = TestTokens.accessToken(alice.id(), Instant.now().minus(Duration.ofMinutes(5)));
		for (String token : new String[] { null, "not-a-jwt", expired }) {
			StompTestClient client = StompTestClient.attempt(this.port, token, null);
			assertThat(client.errorFrames.poll(10, TimeUnit.SECONDS)).as("ERROR for %s", token)
				.isEqualTo("UNAUTHORIZED");
			assertThat(client.closed.get(10, TimeUnit.SECONDS)).isNotNull();
			assertThatThrownBy(() -> client.connected().get(10, TimeUnit.SECONDS)).isNotNull();
		}
	}

	@Test
	void refusesSubscriptionsToOtherDestinations() throws Exception {
		TestUser alice = user("Alice");
		try (StompTestClient client = StompTestClient.connect(this.port, alice.token())) {
			client.session().subscribe("/queue/events-user" + UUID.randomUUID(), new NoFrames());
			assertThat(client.errorFrames.poll(10, TimeUnit.SECONDS)).isEqualTo("FORBIDDEN");
			assertThat(client.closed.get(10, TimeUnit.SECONDS)).isNotNull();
		}
	}

	@Test
	void deliversAMessageToEverySessionOfEveryMember() throws Exception {
		TestUser alice = user("Alice");
		TestUser bob = user("Bob");
		TestUser carol = user("Carol");
		UUID roomId = group(alice, "trio", bob);
		try (StompTestClient phone = StompTestClient.connect(this.port, alice.token());
				StompTestClient laptop = StompTestClient.connect(this.port, alice.token());
				StompTestClient bobs = StompTestClient.connect(this.port, bob.token());
				StompTestClient outsider = StompTestClient.connect(this.port, carol.token())) {
			phone.sendMessage(roomId, "c-1", "안녕하세요", "r-1").get(10, TimeUnit.SECONDS);

			for (StompTestClient member : List.of(phone, laptop, bobs)) {
				JsonNode event = member.nextEvent("message");
				assertThat(event.path("roomId").asString()).isEqualTo(roomId.toString());
				assertThat(event.path("seq").asLong()).isEqualTo(1);
				assertThat(event.path("senderId").asString()).isEqualTo(alice.id().toString());
				assertThat(event.path("clientMsgId").asString()).isEqualTo("c-1");
				assertThat(event.path("contentType").asString()).isEqualTo("TEXT");
				assertThat(event.path("content").asString()).isEqualTo("안녕하세요");
				assertThat(event.path("sentAt").asString()).matches(TIMESTAMP);
				assertThat(event.path("messageId").asString()).isNotBlank();
				assertThat(event.path("deleted").asBoolean()).isFalse();
				assertThat(event.has("editedAt")).isTrue();
			}
			assertThat(outsider.eventsWithin("message", Duration.ofMillis(500))).isEmpty();
		}
	}

	@Test
	void rejectsASendFromANonMemberAndKeepsTheConnection() throws Exception {
		TestUser alice = user("Alice");
		TestUser bob = user("Bob");
		TestUser carol = user("Carol");
		UUID roomId = group(alice, "pair", bob);
		UUID carolsRoom = group(carol, "alone");
		try (StompTestClient outsider = StompTestClient.connect(this.port, carol.token())) {
			CompletableFuture<Void> receipt = outsider.sendMessage(roomId, "x-1", "hi", "r-x");

			JsonNode error = outsider.nextError();
			assertThat(error.path("type").asString()).isEqualTo("error");
			assertThat(error.path("code").asString()).isEqualTo("ROOM_NOT_FOUND");
			assertThat(error.path("clientMsgId").asString()).isEqualTo("x-1");
			assertThat(error.path("receiptId").asString()).isEqualTo("r-x");
			assertThat(receipt).isNotDone();
			assertThat(streamEntries(roomId)).isEmpty();

			outsider.sendMessage(carolsRoom, "c-2", "still here", "r-2").get(10, TimeUnit.SECONDS);
			assertThat(outsider.nextEvent("message").path("clientMsgId").asString()).isEqualTo("c-2");
		}
	}

	@Test
	void rejectsInvalidBodiesWithoutStoringAnything() throws Exception {
		TestUser alice = user("Alice");
		UUID roomId = group(alice, "notes");
		String destination = "/app/rooms/" + roomId + "/messages";
		try (StompTestClient client = StompTestClient.connect(this.port, alice.token())) {
			client.send(destination, "{not json", "r-1");
			assertThat(client.nextError().path("code").asString()).isEqualTo("MALFORMED_REQUEST");

			client.send(destination, Map.of("clientMsgId", "e-1", "contentType", "TEXT", "content", ""), "r-2");
			JsonNode empty = client.nextError();
			assertThat(empty.path("code").asString()).isEqualTo("VALIDATION_FAILED");
			assertThat(empty.path("clientMsgId").asString()).isEqualTo("e-1");
			assertThat(empty.path("receiptId").asString()).isEqualTo("r-2");
			assertThat(empty.path("errors").get(0).path("field").asString()).isEqualTo("content");

			client.send(destination, Map.of("clientMsgId", "o-1", "contentType", "TEXT", "content", "a".repeat(4001)),
					"r-3");
			assertThat(client.nextError().path("code").asString()).isEqualTo("VALIDATION_FAILED");

			client.send(destination, Map.of("clientMsgId", "t-1", "contentType", "IMAGE", "content", "x"), "r-4");
			assertThat(client.nextError().path("code").asString()).isEqualTo("VALIDATION_FAILED");

			client.send("/app/nowhere", Map.of(), "r-5");
			JsonNode unknown = client.nextError();
			assertThat(unknown.path("code").asString()).isEqualTo("NOT_FOUND");
			assertThat(unknown.path("receiptId").asString()).isEqualTo("r-5");
		}
		assertThat(streamEntries(roomId)).isEmpty();
	}

	@Test
	void takesAFrameLargerThanTheSocketBufferAndClosesOneOverTheFrameLimit() throws Exception {
		TestUser alice = user("Alice");
		TestUser bob = user("Bob");
		UUID roomId = group(alice, "long letters", bob);
		// 4,000 UTF-16 units (the most a message may have), 10,000 bytes in UTF-8: the
		// frame arrives in parts, split between the halves of some emoji's surrogate pair
		String longest = "사랑🙂".repeat(1000);
		try (StompTestClient sender = StompTestClient.connect(this.port, alice.token());
				StompTestClient receiver = StompTestClient.connect(this.port, bob.token())) {
			sender.sendMessage(roomId, "long-1", longest, "r-1").get(10, TimeUnit.SECONDS);
			assertThat(receiver.nextEvent("message").path("content").asString()).isEqualTo(longest);

			sender.sendMessage(roomId, "huge-1", "a".repeat(70_000), "r-2");
			assertThat(sender.errorFrames.poll(10, TimeUnit.SECONDS)).isNotNull();
			assertThat(sender.closed.get(10, TimeUnit.SECONDS)).isNotNull();
		}
		assertThat(streamEntries(roomId)).hasSize(1);
	}

	@Test
	void answersADuplicateWithAReceiptButDeliversNothingNew() throws Exception {
		TestUser alice = user("Alice");
		TestUser bob = user("Bob");
		UUID roomId = group(alice, "dup", bob);
		try (StompTestClient sender = StompTestClient.connect(this.port, alice.token());
				StompTestClient receiver = StompTestClient.connect(this.port, bob.token())) {
			sender.sendMessage(roomId, "same", "once", "r-1").get(10, TimeUnit.SECONDS);
			sender.sendMessage(roomId, "same", "once", "r-2").get(10, TimeUnit.SECONDS);

			assertThat(receiver.eventsWithin("message", Duration.ofSeconds(1))).hasSize(1);
		}
		assertThat(streamEntries(roomId)).hasSize(1);
	}

	@Test
	void deliversConcurrentSendersInSequenceOrderToEveryMember() throws Exception {
		int senders = 4;
		int perSender = 15;
		TestUser[] users = new TestUser[senders];
		for (int i = 0; i < senders; i++) {
			users[i] = user("Sender " + i);
		}
		UUID roomId = group(users[0], "busy", java.util.Arrays.copyOfRange(users, 1, senders));
		List<StompTestClient> clients = new ArrayList<>();
		try {
			for (TestUser user : users) {
				clients.add(StompTestClient.connect(this.port, user.token()));
			}
			List<CompletableFuture<Void>> receipts = new ArrayList<>();
			List<Thread> threads = new ArrayList<>();
			for (int i = 0; i < senders; i++) {
				StompTestClient client = clients.get(i);
				int sender = i;
				threads.add(Thread.ofVirtual().start(() -> {
					for (int n = 0; n < perSender; n++) {
						synchronized (receipts) {
							receipts.add(client.sendMessage(roomId, "s" + sender + "-" + n, "m" + n, "r" + n));
						}
					}
				}));
			}
			for (Thread thread : threads) {
				thread.join();
			}
			CompletableFuture.allOf(receipts.toArray(CompletableFuture[]::new)).get(30, TimeUnit.SECONDS);
			long total = (long) senders * perSender;
			for (StompTestClient client : clients) {
				List<Long> seqs = new ArrayList<>();
				while (seqs.size() < total) {
					seqs.add(client.nextEvent("message").path("seq").asLong());
				}
				assertThat(seqs).containsExactlyElementsOf(LongStream.rangeClosed(1, total).boxed().toList());
			}
		}
		finally {
			clients.forEach(StompTestClient::close);
		}
	}

	@Test
	void broadcastsReadPositionsAndTyping() throws Exception {
		TestUser alice = user("Alice");
		TestUser bob = user("Bob");
		UUID roomId = group(alice, "reading", bob);
		try (StompTestClient alices = StompTestClient.connect(this.port, alice.token());
				StompTestClient bobs = StompTestClient.connect(this.port, bob.token())) {
			alices.sendMessage(roomId, "c-1", "read me", "r-1").get(10, TimeUnit.SECONDS);
			bobs.nextEvent("message");

			bobs.send("/app/rooms/" + roomId + "/read", Map.of("seq", 1), "r-read").get(10, TimeUnit.SECONDS);
			// Alice's own position moved with her message, which says so: no read event
			// of hers
			JsonNode read = alices.nextEvent("read");
			assertThat(read.path("userId").asString()).isEqualTo(bob.id().toString());
			assertThat(read.path("roomId").asString()).isEqualTo(roomId.toString());
			assertThat(read.path("lastReadSeq").asLong()).isEqualTo(1);

			bobs.send("/app/rooms/" + roomId + "/typing", Map.of("typing", true), "r-typing").get(10, TimeUnit.SECONDS);
			JsonNode typing = alices.nextEvent("typing");
			assertThat(typing.path("userId").asString()).isEqualTo(bob.id().toString());
			assertThat(typing.path("typing").asBoolean()).isTrue();
			assertThat(bobs.eventsWithin("typing", Duration.ofMillis(300))).isEmpty();
		}
	}

	@Test
	void aTypistWhoSendsOrDisconnectsStopsTyping() throws Exception {
		TestUser alice = user("Alice");
		TestUser bob = user("Bob");
		UUID roomId = group(alice, "typing", bob);
		try (StompTestClient alices = StompTestClient.connect(this.port, alice.token())) {
			StompTestClient bobs = StompTestClient.connect(this.port, bob.token());
			bobs.send("/app/rooms/" + roomId + "/typing", Map.of("typing", true), "r-t-1").get(10, TimeUnit.SECONDS);
			assertThat(alices.nextEvent("typing").path("typing").asBoolean()).isTrue();
			bobs.sendMessage(roomId, "m-1", "here it is", "r-m").get(10, TimeUnit.SECONDS);
			assertThat(alices.nextEvent("typing").path("typing").asBoolean()).isFalse();

			bobs.send("/app/rooms/" + roomId + "/typing", Map.of("typing", true), "r-t-2").get(10, TimeUnit.SECONDS);
			assertThat(alices.nextEvent("typing").path("typing").asBoolean()).isTrue();
			bobs.close();
			JsonNode stopped = alices.nextEvent("typing");
			assertThat(stopped.path("typing").asBoolean()).isFalse();
			assertThat(stopped.path("roomId").asString()).isEqualTo(roomId.toString());
		}
	}

	@Test
	void refusesBrowserOriginsNotOnTheAllowlist() throws Exception {
		TestUser alice = user("Alice");
		StompTestClient hijack = StompTestClient.attempt(this.port, alice.token(), "https://evil.example");
		assertThatThrownBy(() -> hijack.connected().get(10, TimeUnit.SECONDS)).isNotNull();

		StompTestClient allowed = StompTestClient.attempt(this.port, alice.token(), "https://app.cotalk.example");
		assertThat(allowed.connected().get(10, TimeUnit.SECONDS).isConnected()).isTrue();
		allowed.close();
	}

	@Test
	void closesTheSessionWhenTheTokenExpires() throws Exception {
		TestUser alice = user("Alice");
		String shortLived = TestTokens.accessToken(alice.id(), Instant.now().plusSeconds(3));
		try (StompTestClient client = StompTestClient.connect(this.port, shortLived)) {
			assertThat(client.errorFrames.poll(10, TimeUnit.SECONDS)).isEqualTo("UNAUTHORIZED");
			assertThat(client.closed.get(10, TimeUnit.SECONDS)).isNotNull();
		}
	}

	@Test
	void rateLimitsSendsPerUser() throws Exception {
		TestUser alice = user("Alice");
		UUID roomId = group(alice, "flood");
		try (StompTestClient client = StompTestClient.connect(this.port, alice.token())) {
			for (int n = 0; n < 60; n++) {
				client.sendMessage(roomId, "f-" + n, "flood", "r-" + n);
			}
			JsonNode error = client.nextError();
			assertThat(error.path("code").asString()).isEqualTo("RATE_LIMITED");
			assertThat(error.path("clientMsgId").asString()).startsWith("f-");
		}
	}

	@Test
	void closesTheOldestSessionBeyondTheLimitPerUser() throws Exception {
		TestUser alice = user("Alice");
		List<StompTestClient> clients = new ArrayList<>();
		try {
			for (int i = 0; i < 11; i++) {
				clients.add(StompTestClient.connect(this.port, alice.token()));
			}
			assertThat(clients.getFirst().closed.get(10, TimeUnit.SECONDS)).isNotNull();
			assertThat(clients.getLast().session().isConnected()).isTrue();
		}
		finally {
			clients.forEach(StompTestClient::close);
		}
	}

	@Test
	void runsInboundFramesInOrderOnTheSocketThreadAndOutboundOnVirtualThreads() {
		assertThat(this.clientInboundChannel.getExecutor()).isInstanceOf(SyncTaskExecutor.class);
		assertThat(this.clientOutboundChannel.getExecutor()).isInstanceOf(VirtualThreadTaskExecutor.class);
	}

	private static final class NoFrames implements org.springframework.messaging.simp.stomp.StompFrameHandler {

		@Override
		public java.lang.reflect.Type getPayloadType(org.springframework.messaging.simp.stomp.StompHeaders headers) {
			return String.class;
		}

		@Override
		public void handleFrame(org.springframework.messaging.simp.stomp.StompHeaders headers,
				@org.jspecify.annotations.Nullable Object payload) {
		}

	}

}
