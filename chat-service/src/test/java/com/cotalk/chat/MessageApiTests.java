package com.cotalk.chat;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.LongStream;

import io.lettuce.core.RedisClient;
import io.lettuce.core.pubsub.RedisPubSubAdapter;
import io.lettuce.core.pubsub.StatefulRedisPubSubConnection;
import org.junit.jupiter.api.Test;

import com.cotalk.common.messages.MessageEvent;
import com.cotalk.common.messages.MessageKeys;
import com.cotalk.testsupport.ApiClient;
import com.cotalk.testsupport.TestInfrastructure;

class MessageApiTests extends ChatApiTestSupport {

	@Test
	void acceptsAMessageAndAppendsItToThePartitionStream() {
		TestUser alice = user("Alice");
		TestUser bob = user("Bob");
		UUID roomId = UUID.fromString(openDirect(alice, bob).text("roomId"));

		ApiClient.Response sent = send(alice, roomId, "c-1", "안녕하세요");

		assertThat(sent.status()).as(sent.toString()).isEqualTo(201);
		assertThat(sent.json().path("seq").asLong()).isEqualTo(1);
		assertThat(sent.text("roomId")).isEqualTo(roomId.toString());
		assertThat(sent.text("clientMsgId")).isEqualTo("c-1");
		assertThat(sent.text("sentAt")).matches(TIMESTAMP);
		List<MessageEvent> events = streamEvents(roomId);
		assertThat(events).hasSize(1);
		MessageEvent event = events.getFirst();
		assertThat(event.type()).isEqualTo("message");
		assertThat(event.seq()).isEqualTo(1);
		assertThat(event.messageId().toString()).isEqualTo(sent.text("messageId"));
		assertThat(event.senderId()).isEqualTo(alice.id());
		assertThat(event.contentType()).isEqualTo("TEXT");
		assertThat(event.content()).isEqualTo("안녕하세요");
	}

	@Test
	void numbersMessagesContiguouslyUnderConcurrentSenders() throws Exception {
		TestUser[] senders = new TestUser[8];
		for (int i = 0; i < senders.length; i++) {
			senders[i] = user("Sender " + i);
		}
		TestUser creator = senders[0];
		UUID roomId = group(creator, "busy", java.util.Arrays.copyOfRange(senders, 1, senders.length));
		int perSender = 15;
		List<Future<List<Long>>> results = new ArrayList<>();
		try (ExecutorService pool = Executors.newFixedThreadPool(senders.length)) {
			for (TestUser sender : senders) {
				results.add(pool.submit(() -> {
					List<Long> seqs = new ArrayList<>();
					for (int n = 0; n < perSender; n++) {
						seqs.add(sendOk(sender, roomId, "m" + n));
					}
					return seqs;
				}));
			}
			List<Long> all = new ArrayList<>();
			for (Future<List<Long>> result : results) {
				all.addAll(result.get(60, TimeUnit.SECONDS));
			}
			long total = (long) senders.length * perSender;
			assertThat(all).containsExactlyInAnyOrderElementsOf(LongStream.rangeClosed(1, total).boxed().toList());
			List<MessageEvent> textEvents = streamEvents(roomId).stream()
				.filter((event) -> event.contentType().equals("TEXT"))
				.toList();
			assertThat(textEvents).extracting(MessageEvent::seq)
				.containsExactlyElementsOf(LongStream.rangeClosed(1, total).boxed().toList());
		}
	}

	@Test
	void aResentClientMsgIdGetsTheOriginalAndAppendsNothing() {
		TestUser alice = user("Alice");
		TestUser bob = user("Bob");
		UUID roomId = UUID.fromString(openDirect(alice, bob).text("roomId"));
		ApiClient.Response first = send(alice, roomId, "retry.me:1", "hello");
		sendOk(alice, roomId, "in between");

		ApiClient.Response again = send(alice, roomId, "retry.me:1", "hello");

		assertThat(again.status()).as(again.toString()).isEqualTo(200);
		assertThat(again.json()).isEqualTo(first.json());
		assertThat(streamEvents(roomId)).hasSize(2);
		assertThat(sendOk(alice, roomId, "next")).isEqualTo(3);
	}

	@Test
	void anotherMembersSameClientMsgIdIsANewMessage() {
		TestUser alice = user("Alice");
		TestUser bob = user("Bob");
		UUID roomId = UUID.fromString(openDirect(alice, bob).text("roomId"));
		ApiClient.Response hers = send(alice, roomId, "1", "hers");
		ApiClient.Response his = send(bob, roomId, "1", "his");

		assertThat(hers.status()).isEqualTo(201);
		assertThat(his.status()).as(his.toString()).isEqualTo(201);
		assertThat(his.json().path("seq").asLong()).isEqualTo(2);
		assertThat(streamEvents(roomId)).extracting(MessageEvent::content).containsExactly("hers", "his");
		assertThat(send(bob, roomId, "1", "his").status()).isEqualTo(200);
	}

	@Test
	void refusesNonMembersWithNotFound() {
		TestUser alice = user("Alice");
		TestUser bob = user("Bob");
		TestUser eve = user("Eve");
		UUID roomId = UUID.fromString(openDirect(alice, bob).text("roomId"));

		assertProblem(send(eve, roomId, "x", "hi"), 404, "ROOM_NOT_FOUND");
		assertProblem(send(eve, UUID.randomUUID(), "x", "hi"), 404, "ROOM_NOT_FOUND");
		assertThat(streamEvents(roomId)).isEmpty();
	}

	@Test
	void refusesInvalidMessagesAndAppendsNothing() {
		TestUser alice = user("Alice");
		TestUser bob = user("Bob");
		UUID roomId = UUID.fromString(openDirect(alice, bob).text("roomId"));
		String path = "/api/rooms/" + roomId + "/messages";

		assertValidationFailed(send(alice, roomId, "c", ""), "content");
		assertValidationFailed(send(alice, roomId, "c", "x".repeat(4001)), "content");
		assertValidationFailed(send(alice, roomId, "c", "a\u0000b"), "content");
		assertValidationFailed(send(alice, roomId, "c", "bell\u0007"), "content");
		assertValidationFailed(send(alice, roomId, "has space", "hi"), "clientMsgId");
		assertValidationFailed(send(alice, roomId, "x".repeat(65), "hi"), "clientMsgId");
		assertValidationFailed(send(alice, roomId, "~j:forged", "hi"), "clientMsgId");
		assertValidationFailed(
				this.api.post(path, alice.token(), Map.of("clientMsgId", "c", "contentType", "IMAGE", "content", "hi")),
				"contentType");
		assertValidationFailed(this.api.post(path, alice.token(), Map.of("contentType", "TEXT", "content", "hi")),
				"clientMsgId");
		assertThat(send(alice, roomId, "c", "x".repeat(4000)).status()).isEqualTo(201);
		assertThat(send(alice, roomId, "d", "줄 바꿈\n\t그리고 탭\r\n").status()).isEqualTo(201);
		assertThat(streamEvents(roomId)).hasSize(2);
	}

	@Test
	void refusesMessagesInADirectRoomOnceEitherSideBlocked() {
		TestUser alice = user("Alice");
		TestUser bob = user("Bob");
		UUID roomId = UUID.fromString(openDirect(alice, bob).text("roomId"));
		fakes.block(bob, alice);

		assertProblem(send(alice, roomId, "c1", "hi"), 404, "ROOM_NOT_FOUND");
		assertProblem(send(bob, roomId, "c2", "hi"), 404, "ROOM_NOT_FOUND");
		assertThat(streamEvents(roomId)).isEmpty();
	}

	@Test
	void reseedsAMissingCounterFromTheStoredHistory() {
		TestUser alice = user("Alice");
		UUID roomId = group(alice, "seeded");
		this.redis.delete(MessageKeys.sequence(MessageKeys.partition(roomId, MessageKeys.DEFAULT_PARTITIONS), roomId));
		fakes.storedMaxSeq(roomId, 41);

		assertThat(sendOk(alice, roomId, "after the loss")).isEqualTo(42);
		assertThat(sendOk(alice, roomId, "and on")).isEqualTo(43);
	}

	@Test
	void publishesOnTheRoomChannelExactlyWhatItAppends() throws Exception {
		TestUser alice = user("Alice");
		TestUser bob = user("Bob");
		UUID roomId = UUID.fromString(openDirect(alice, bob).text("roomId"));
		String channel = MessageKeys.roomChannel(MessageKeys.partition(roomId, MessageKeys.DEFAULT_PARTITIONS), roomId);
		LinkedBlockingQueue<String> received = new LinkedBlockingQueue<>();
		RedisClient client = RedisClient.create(TestInfrastructure.redisUrl());
		try (StatefulRedisPubSubConnection<String, String> connection = client.connectPubSub()) {
			connection.addListener(new RedisPubSubAdapter<>() {
				@Override
				public void message(String from, String message) {
					// the channel also carries the room's read and typing events
					if (message.startsWith("{\"type\":\"message\"")) {
						received.add(message);
					}
				}
			});
			connection.sync().subscribe(channel);

			sendOk(alice, roomId, "published \"quoted\" 😀");
			String payload = received.poll(5, TimeUnit.SECONDS);

			assertThat(payload).isNotNull().isEqualTo(streamEntries(roomId).getFirst());
			send(alice, roomId, streamEvents(roomId).getFirst().clientMsgId(), "published \"quoted\" 😀");
			assertThat(received.poll(300, TimeUnit.MILLISECONDS)).as("a resend publishes nothing").isNull();
		}
		finally {
			client.shutdown(Duration.ZERO, Duration.ofSeconds(2));
		}
	}

}
