package com.cotalk.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.cotalk.common.events.EventStreams;
import com.cotalk.common.events.FriendEvent;
import com.cotalk.common.events.RoomEvent;

import tools.jackson.databind.JsonNode;

/**
 * Real entries on {@code events:friends} and {@code events:rooms}, as friend-service and
 * chat-service write them, become notifications exactly once, also when an entry comes
 * again or a crashed consumer left it behind.
 */
class EventSourceTests extends NotificationTestSupport {

	@Test
	void aFriendRequestNotifiesItsAddresseeOnce() {
		TestUser alice = user("Alice");
		TestUser bob = user("Bob");
		UUID requestId = UUID.randomUUID();
		FriendEvent created = FriendEvent.of(FriendEvent.Type.FRIEND_REQUEST_CREATED, alice.id(), bob.id(), requestId,
				Instant.now());
		append(EventStreams.FRIENDS, created);

		JsonNode notification = awaitItem(bob, (item) -> item.path("type").asString().equals("FRIEND_REQUEST")).get(0);
		assertThat(notification.path("data").path("fromUserId").asString()).isEqualTo(alice.id().toString());
		assertThat(notification.path("data").path("requestId").asString()).isEqualTo(requestId.toString());
		assertThat(items(alice)).as("not the sender").isEmpty();

		append(EventStreams.FRIENDS, created);
		appendAbandoned(EventStreams.FRIENDS, created);
		awaitSettled(EventStreams.FRIENDS);
		assertThat(items(bob)).hasSize(1);
	}

	@Test
	void anAcceptedRequestNotifiesTheRequester() {
		TestUser alice = user("Alice");
		TestUser bob = user("Bob");
		UUID requestId = UUID.randomUUID();
		append(EventStreams.FRIENDS, FriendEvent.of(FriendEvent.Type.FRIEND_REQUEST_ACCEPTED, bob.id(), alice.id(),
				requestId, Instant.now()));

		JsonNode accepted = awaitItem(alice, (item) -> item.path("type").asString().equals("FRIEND_ACCEPTED")).get(0);
		assertThat(accepted.path("data").path("fromUserId").asString()).isEqualTo(bob.id().toString());
		assertThat(accepted.path("data").path("requestId").asString()).isEqualTo(requestId.toString());
	}

	@Test
	void anEntryACrashedConsumerLeftIsClaimedAndHandled() {
		TestUser alice = user("Alice");
		TestUser bob = user("Bob");
		appendAbandoned(EventStreams.FRIENDS, FriendEvent.of(FriendEvent.Type.FRIEND_REQUEST_CREATED, alice.id(),
				bob.id(), UUID.randomUUID(), Instant.now()));

		awaitItem(bob, (item) -> item.path("type").asString().equals("FRIEND_REQUEST"));
		awaitSettled(EventStreams.FRIENDS);
		assertThat(items(bob)).hasSize(1);
	}

	@Test
	void passesOverOtherTypesNewerVersionsAndBadEntries() {
		TestUser alice = user("Alice");
		TestUser bob = user("Bob");
		append(EventStreams.FRIENDS,
				FriendEvent.of(FriendEvent.Type.FRIENDSHIP_REMOVED, alice.id(), bob.id(), null, Instant.now()));
		append(EventStreams.FRIENDS,
				Map.of("version", 2, "type", "FRIEND_REQUEST_CREATED", "eventId", UUID.randomUUID(), "actorId",
						alice.id(), "otherId", bob.id(), "requestId", UUID.randomUUID(), "occurredAt",
						Instant.now().toString()));
		append(EventStreams.FRIENDS, Map.of("version", 1, "type", "SOMETHING_NEW", "eventId", UUID.randomUUID()));
		append(EventStreams.FRIENDS, "{not json");
		this.redis.opsForStream().add(EventStreams.FRIENDS, Map.of("other", "field"));
		UUID requestId = UUID.randomUUID();
		append(EventStreams.FRIENDS, FriendEvent.of(FriendEvent.Type.FRIEND_REQUEST_CREATED, alice.id(), bob.id(),
				requestId, Instant.now()));

		List<JsonNode> items = awaitItem(bob, (item) -> item.path("type").asString().equals("FRIEND_REQUEST"));
		awaitSettled(EventStreams.FRIENDS);
		assertThat(items).hasSize(1);
		assertThat(items.get(0).path("data").path("requestId").asString()).isEqualTo(requestId.toString());
	}

	@Test
	void anInvitationNotifiesEachInvitedUserButNotTheInviter() {
		TestUser host = user("Host");
		TestUser one = user("One");
		TestUser two = user("Two");
		UUID roomId = UUID.randomUUID();
		RoomEvent invited = RoomEvent.invited(roomId, "Weekend trip", host.id(), List.of(one.id(), two.id()),
				Instant.now());
		append(EventStreams.ROOMS, invited);

		for (TestUser guest : List.of(one, two)) {
			JsonNode invite = awaitItem(guest, (item) -> item.path("type").asString().equals("ROOM_INVITE")).get(0);
			assertThat(invite.path("data").path("fromUserId").asString()).isEqualTo(host.id().toString());
			assertThat(invite.path("data").path("roomId").asString()).isEqualTo(roomId.toString());
			assertThat(invite.path("data").path("roomName").asString()).isEqualTo("Weekend trip");
		}
		append(EventStreams.ROOMS, invited);
		appendAbandoned(EventStreams.ROOMS, invited);
		awaitSettled(EventStreams.ROOMS);
		assertThat(items(one)).hasSize(1);
		assertThat(items(two)).hasSize(1);
		assertThat(items(host)).isEmpty();
	}

}
