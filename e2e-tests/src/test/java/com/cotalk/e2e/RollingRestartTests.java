package com.cotalk.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import com.cotalk.localstack.Service;
import com.cotalk.localstack.Stack;
import com.cotalk.testsupport.ApiClient;
import com.cotalk.testsupport.StompTestClient;

import tools.jackson.databind.JsonNode;

/**
 * A rolling update of chat-service under traffic: one of the two instances gets SIGTERM
 * while members of a group send over STOMP through the gateway. Its clients are told to
 * reconnect, reconnect through the gateway (to the other instance), resend what had no
 * receipt and catch up with {@code after={lastSeq}}, as {@code api.md} tells clients to.
 * No receipted message may be lost or stored twice, every member must end up with every
 * message, and friends must not see the moved users go offline.
 */
class RollingRestartTests {

	private static final int MEMBERS = 6;

	final ApiClient api = new ApiClient(E2eStack.gatewayUrl());

	@Test
	void aRollingRestartOfOneChatInstanceUnderTrafficLosesNoReceiptedMessage() throws Exception {
		Users.LoggedIn watcher = Users.signUpAndLogIn(this.api, "Watcher");
		List<Users.LoggedIn> users = new ArrayList<>();
		for (int i = 0; i < MEMBERS; i++) {
			Users.LoggedIn user = Users.signUpAndLogIn(this.api, "Mover " + i);
			Users.awaitProfile(this.api, user.accessToken());
			befriend(user, watcher);
			users.add(user);
		}
		String roomId = this.api.post("/api/rooms", users.get(0).accessToken(), Map.of("type", "GROUP", "name",
				"rolling", "memberIds", users.subList(1, MEMBERS).stream().map(Users.LoggedIn::userId).toList()))
			.text("roomId");
		List<Member> members = new ArrayList<>();
		for (Users.LoggedIn user : users) {
			members.add(new Member(user, UUID.fromString(roomId)));
		}
		try (StompTestClient watching = StompTestClient.connect(E2eStack.gatewayWebSocketUrl(),
				watcher.accessToken())) {
			AtomicBoolean sending = new AtomicBoolean(true);
			List<Thread> senders = members.stream()
				.map((member) -> Thread.ofVirtual().start(() -> member.sendWhile(sending)))
				.toList();
			Thread.sleep(2_000);

			Stack stack = E2eStack.get();
			Stack.Instance draining = stack.instances(Service.CHAT).get(1);
			Duration stopped = stack.stop(draining, Duration.ofSeconds(60));
			stack.restart(draining);
			Thread.sleep(2_000);
			sending.set(false);
			for (Thread sender : senders) {
				sender.join(Duration.ofSeconds(30));
			}

			assertThat(stopped).as("exits well within a 60 s termination grace period")
				.isLessThan(Duration.ofSeconds(40));
			assertThat(members.stream().mapToInt((member) -> member.reconnects.get()).sum())
				.as("the draining instance's clients were told to reconnect")
				.isPositive();
			assertThat(members.stream().flatMap((member) -> member.failures.stream()).toList()).isEmpty();

			Set<String> receipted = new HashSet<>();
			members.forEach((member) -> receipted.addAll(member.receipted));
			List<JsonNode> stored = history(users.get(0), roomId, 0);
			Map<String, Long> storedSeqs = new HashMap<>();
			stored.stream()
				.filter((message) -> message.path("contentType").asString().equals("TEXT"))
				.forEach((message) -> assertThat(
						storedSeqs.put(message.path("clientMsgId").asString(), message.path("seq").asLong()))
					.as("stored once")
					.isNull());
			assertThat(receipted).hasSizeGreaterThan(100);
			assertThat(storedSeqs.keySet()).as("every receipted message stored").containsAll(receipted);
			assertThat(stored.stream().map((message) -> message.path("seq").asLong()).toList()).as("contiguous")
				.isEqualTo(java.util.stream.LongStream.rangeClosed(1, stored.size()).boxed().toList());

			long last = stored.getLast().path("seq").asLong();
			for (Member member : members) {
				member.catchUp(last);
				assertThat(member.seen).as("every message reached " + member.user.userId() + ", live or caught up")
					.containsAll(storedSeqs.values());
			}
			List<JsonNode> presence = watching.eventsWithin("presence", Duration.ofSeconds(1));
			assertThat(presence).as("no mover went offline for their friend")
				.noneMatch((event) -> !event.path("online").asBoolean());
		}
		finally {
			members.forEach(Member::close);
		}
	}

	private void befriend(Users.LoggedIn from, Users.LoggedIn to) {
		String requestId = this.api.post("/api/friends/requests", from.accessToken(), Map.of("userId", to.userId()))
			.text("requestId");
		assertThat(this.api.post("/api/friends/requests/" + requestId + "/accept", to.accessToken(), null).status())
			.isEqualTo(200);
	}

	private List<JsonNode> history(Users.LoggedIn reader, String roomId, long after) {
		Instant deadline = Instant.now().plus(Duration.ofSeconds(10));
		List<JsonNode> all = new ArrayList<>();
		long from = after;
		while (Instant.now().isBefore(deadline)) {
			ApiClient.Response page = this.api.get("/api/rooms/" + roomId + "/messages?limit=100&after=" + from,
					reader.accessToken());
			assertThat(page.status()).as(page.toString()).isEqualTo(200);
			JsonNode items = page.json().path("items");
			items.forEach(all::add);
			if (items.isEmpty() || !page.json().path("hasMore").asBoolean()) {
				return all;
			}
			from = items.get(items.size() - 1).path("seq").asLong();
		}
		return all;
	}

	/** A member's app: sends ten messages a second, reconnects when told or cut off. */
	private final class Member {

		final Users.LoggedIn user;

		final UUID roomId;

		final Set<String> receipted = ConcurrentHashMap.newKeySet();

		final Set<Long> seen = ConcurrentHashMap.newKeySet();

		final AtomicInteger reconnects = new AtomicInteger();

		final List<String> failures = new CopyOnWriteArrayList<>();

		volatile StompTestClient client;

		private volatile boolean reconnectAsked;

		private long lastSeq;

		Member(Users.LoggedIn user, UUID roomId) {
			this.user = user;
			this.roomId = roomId;
			this.client = StompTestClient.connect(E2eStack.gatewayWebSocketUrl(), user.accessToken());
		}

		void sendWhile(AtomicBoolean sending) {
			int n = 0;
			String pending = null;
			while (sending.get()) {
				try {
					if (pending == null) {
						pending = this.user.userId() + "-" + n++;
					}
					take();
					if (this.client.closed.isDone() || this.reconnectAsked) {
						reconnect();
					}
					this.client.sendMessage(this.roomId, pending, "message " + pending, "r-" + pending)
						.get(5, TimeUnit.SECONDS);
					this.receipted.add(pending);
					pending = null;
					Thread.sleep(100);
				}
				catch (ExecutionException | TimeoutException | RuntimeException ex) {
					// no receipt: the same clientMsgId again once connected (never a
					// second seq)
					this.reconnectAsked = true;
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
					return;
				}
			}
			take();
		}

		/** The events so far: messages seen live, a request to reconnect. */
		private void take() {
			JsonNode event;
			while ((event = this.client.events.poll()) != null) {
				switch (event.path("type").asString()) {
					case "message" -> {
						long seq = event.path("seq").asLong();
						this.seen.add(seq);
						this.lastSeq = Math.max(this.lastSeq, seq);
					}
					case "reconnect" -> {
						this.reconnectAsked = true;
						this.reconnects.incrementAndGet();
					}
					default -> {
					}
				}
			}
		}

		private void reconnect() {
			this.client.close();
			Instant deadline = Instant.now().plus(Duration.ofSeconds(20));
			while (true) {
				try {
					this.client = StompTestClient.connect(E2eStack.gatewayWebSocketUrl(), this.user.accessToken());
					break;
				}
				catch (RuntimeException ex) {
					if (Instant.now().isAfter(deadline)) {
						this.failures.add("could not reconnect: " + ex);
						throw ex;
					}
				}
			}
			this.reconnectAsked = false;
			catchUp(Long.MAX_VALUE);
		}

		/**
		 * {@code GET .../messages?after={lastSeq}}, as a client does after any reconnect.
		 */
		void catchUp(long upTo) {
			for (JsonNode message : history(this.user, this.roomId.toString(), this.lastSeq)) {
				long seq = message.path("seq").asLong();
				if (seq > upTo) {
					break;
				}
				this.seen.add(seq);
				this.lastSeq = Math.max(this.lastSeq, seq);
			}
		}

		void close() {
			this.client.close();
		}

	}

}
