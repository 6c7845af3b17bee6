package com.cotalk.friend;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.Range;
import org.springframework.data.redis.connection.stream.MapRecord;
import org.springframework.data.redis.core.StringRedisTemplate;

import com.cotalk.common.events.EventStreams;
import com.cotalk.common.events.FriendEvent;
import com.cotalk.common.events.FriendEvent.Type;

import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/** What notification-service will read from the {@code events:friends} stream. */
class FriendEventTests extends FriendApiTestSupport {

	static final JsonMapper JSON = JsonMapper.builder()
		.disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
		.build();

	@Autowired
	StringRedisTemplate redis;

	long startMillis;

	@BeforeEach
	void markStreamPosition() {
		this.startMillis = System.currentTimeMillis() - 1_000;
	}

	@Test
	void announcesANewRequest() {
		TestUser from = user("From");
		TestUser to = user("To");
		String requestId = sendRequest(from, to).text("requestId");
		FriendEvent event = eventsBetween(from, to).getFirst();
		assertThat(eventsBetween(from, to)).hasSize(1);
		assertThat(event.version()).isEqualTo(1);
		assertThat(event.type()).isEqualTo(Type.FRIEND_REQUEST_CREATED);
		assertThat(event.actorId()).isEqualTo(from.id());
		assertThat(event.otherId()).isEqualTo(to.id());
		assertThat(event.requestId()).isEqualTo(UUID.fromString(requestId));
		assertThat(event.occurredAt()).isAfter(Instant.ofEpochMilli(this.startMillis));
	}

	@Test
	void announcesAnAcceptedRequestAsTheRecipientsAct() {
		TestUser from = user("From");
		TestUser to = user("To");
		String requestId = sendRequest(from, to).text("requestId");
		accept(to, requestId);
		List<FriendEvent> events = eventsBetween(from, to);
		assertThat(events).extracting(FriendEvent::type)
			.containsExactly(Type.FRIEND_REQUEST_CREATED, Type.FRIEND_REQUEST_ACCEPTED);
		FriendEvent accepted = events.get(1);
		assertThat(accepted.actorId()).isEqualTo(to.id());
		assertThat(accepted.otherId()).isEqualTo(from.id());
		assertThat(accepted.requestId()).isEqualTo(UUID.fromString(requestId));
		assertThat(events.get(0).eventId()).isNotEqualTo(accepted.eventId());
	}

	@Test
	void announcesCrossedRequestsAsAnAcceptance() {
		TestUser first = user("First");
		TestUser second = user("Second");
		String requestId = sendRequest(first, second).text("requestId");
		sendRequest(second, first);
		FriendEvent accepted = eventsBetween(first, second).getLast();
		assertThat(eventsBetween(first, second)).hasSize(2);
		assertThat(accepted.type()).isEqualTo(Type.FRIEND_REQUEST_ACCEPTED);
		assertThat(accepted.actorId()).isEqualTo(second.id());
		assertThat(accepted.requestId()).isEqualTo(UUID.fromString(requestId));
	}

	@Test
	void announcesARemovedFriendship() {
		TestUser me = user("Me");
		TestUser friend = user("Friend");
		makeFriends(me, friend);
		this.api.delete("/api/friends/" + friend.id(), me.token());
		FriendEvent removed = eventsBetween(me, friend).getLast();
		assertThat(removed.type()).isEqualTo(Type.FRIENDSHIP_REMOVED);
		assertThat(removed.actorId()).isEqualTo(me.id());
		assertThat(removed.otherId()).isEqualTo(friend.id());
		assertThat(removed.requestId()).isNull();
	}

	@Test
	void announcesTheEndOfAFriendshipByABlockButNotTheBlock() {
		TestUser me = user("Me");
		TestUser friend = user("Friend");
		TestUser stranger = user("Stranger");
		makeFriends(me, friend);
		this.api.put("/api/blocks/" + friend.id(), me.token(), null);
		this.api.put("/api/blocks/" + stranger.id(), me.token(), null);
		FriendEvent removed = eventsBetween(me, friend).getLast();
		assertThat(removed.type()).isEqualTo(Type.FRIENDSHIP_REMOVED);
		assertThat(removed.actorId()).isEqualTo(me.id());
		assertThat(eventsBetween(me, stranger)).isEmpty();
	}

	@Test
	void announcesNothingForRefusedOrQuietChanges() {
		TestUser from = user("From");
		TestUser to = user("To");
		String requestId = sendRequest(from, to).text("requestId");
		sendRequest(from, to);
		sendRequest(from, from);
		this.api.post("/api/friends/requests/" + requestId + "/decline", to.token(), null);
		this.api.delete("/api/friends/" + to.id(), from.token());
		assertThat(eventsBetween(from, to)).extracting(FriendEvent::type).containsExactly(Type.FRIEND_REQUEST_CREATED);
	}

	@Test
	void keepsTheStreamTrimmed() {
		sendRequest(user("From"), user("To"));
		// XADD ... MAXLEN ~ 100000 trims in whole macro nodes, so allow some slack
		assertThat(this.redis.opsForStream().size(EventStreams.FRIENDS)).isLessThan(100_000 + 1_000);
	}

	/** Events between the two users since the test began, oldest first. */
	private List<FriendEvent> eventsBetween(TestUser one, TestUser other) {
		Set<UUID> pair = Set.of(one.id(), other.id());
		List<MapRecord<String, Object, Object>> records = this.redis.opsForStream()
			.range(EventStreams.FRIENDS, Range.rightUnbounded(Range.Bound.inclusive(this.startMillis + "-0")));
		return records.stream()
			.map((record) -> JSON.readValue((String) record.getValue().get(EventStreams.PAYLOAD_FIELD),
					FriendEvent.class))
			.filter((event) -> pair.equals(Set.of(event.actorId(), event.otherId())))
			.toList();
	}

}
