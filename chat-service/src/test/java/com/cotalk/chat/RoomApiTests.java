package com.cotalk.chat;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.junit.jupiter.api.Test;

import com.cotalk.common.messages.MessageEvent;
import com.cotalk.testsupport.ApiClient;

import tools.jackson.databind.JsonNode;

class RoomApiTests extends ChatApiTestSupport {

	@Test
	void invitationsAreAnnouncedOnTheRoomEventStream() {
		TestUser owner = user("Owner");
		TestUser first = user("First");
		TestUser later = user("Later");
		UUID roomId = group(owner, "산악회", first);
		assertThat(this.api
			.post("/api/rooms/" + roomId + "/members", owner.token(), Map.of("userIds", List.of(later.id().toString())))
			.status()).isEqualTo(200);
		List<JsonNode> events = this.redis.opsForStream()
			.range(com.cotalk.common.events.EventStreams.ROOMS, org.springframework.data.domain.Range.unbounded())
			.stream()
			.map((entry) -> JSON
				.readTree((String) entry.getValue().get(com.cotalk.common.events.EventStreams.PAYLOAD_FIELD)))
			.filter((event) -> event.path("roomId").asString().equals(roomId.toString()))
			.toList();
		assertThat(events).hasSize(2);
		assertThat(events).allSatisfy((event) -> {
			assertThat(event.path("type").asString()).isEqualTo("MEMBERS_INVITED");
			assertThat(event.path("actorId").asString()).isEqualTo(owner.id().toString());
			assertThat(event.path("roomName").asString()).isEqualTo("산악회");
		});
		assertThat(events.get(0).path("userIds").valueStream().map(JsonNode::asString))
			.containsExactly(first.id().toString());
		assertThat(events.get(1).path("userIds").valueStream().map(JsonNode::asString))
			.containsExactly(later.id().toString());
	}

	@Test
	void opensADirectRoomOnceAndThenReturnsIt() {
		TestUser alice = user("Alice");
		TestUser bob = user("Bob");

		ApiClient.Response created = openDirect(alice, bob);
		ApiClient.Response again = openDirect(alice, bob);
		ApiClient.Response fromBob = openDirect(bob, alice);

		assertThat(created.status()).as(created.toString()).isEqualTo(201);
		assertThat(created.text("type")).isEqualTo("DIRECT");
		assertThat(created.text("name")).isEqualTo("Bob");
		assertThat(created.json().path("lastSeq").asLong()).isZero();
		assertThat(created.json().path("members").valueStream().map((m) -> m.path("userId").asString()))
			.containsExactlyInAnyOrder(alice.id().toString(), bob.id().toString());
		assertThat(again.status()).isEqualTo(200);
		assertThat(fromBob.status()).isEqualTo(200);
		assertThat(again.text("roomId")).isEqualTo(created.text("roomId"));
		assertThat(fromBob.text("roomId")).isEqualTo(created.text("roomId"));
		assertThat(fromBob.text("name")).isEqualTo("Alice");
	}

	@Test
	void concurrentOpensOfOnePairMakeOneRoom() {
		TestUser alice = user("Alice");
		TestUser bob = user("Bob");
		try (ExecutorService pool = Executors.newFixedThreadPool(6)) {
			List<CompletableFuture<ApiClient.Response>> opens = java.util.stream.IntStream.range(0, 6)
				.mapToObj((i) -> CompletableFuture
					.supplyAsync(() -> (i % 2 == 0) ? openDirect(alice, bob) : openDirect(bob, alice), pool))
				.toList();
			List<ApiClient.Response> responses = opens.stream().map(CompletableFuture::join).toList();
			assertThat(responses).extracting(ApiClient.Response::status).containsOnly(200, 201);
			assertThat(responses).filteredOn((r) -> r.status() == 201).hasSize(1);
			assertThat(responses.stream().map((r) -> r.text("roomId")).distinct()).hasSize(1);
		}
	}

	@Test
	void unknownAndBlockedUsersGetTheSameNotFound() {
		TestUser alice = user("Alice");
		TestUser blocker = user("Blocker");
		TestUser blocked = user("Blocked");
		fakes.block(blocker, alice);
		fakes.block(alice, blocked);
		ApiClient.Response unknown = this.api.post("/api/rooms", alice.token(),
				Map.of("type", "DIRECT", "memberIds", List.of(UUID.randomUUID().toString())));
		ApiClient.Response byBlocker = openDirect(alice, blocker);
		ApiClient.Response ofBlocked = openDirect(alice, blocked);

		assertProblem(unknown, 404, "USER_NOT_FOUND");
		assertThat(byBlocker.body()).isEqualTo(unknown.body());
		assertThat(ofBlocked.body()).isEqualTo(unknown.body());
	}

	@Test
	void nobodyIsPutInAGroupAcrossABlockAndTheAnswerIsTheUnknownUsers() {
		TestUser alice = user("Alice");
		TestUser blocker = user("Blocker");
		TestUser friend = user("Friend");
		fakes.block(blocker, alice);
		ApiClient.Response unknown = this.api.post("/api/rooms", alice.token(),
				Map.of("type", "GROUP", "name", "g", "memberIds", List.of(UUID.randomUUID().toString())));
		ApiClient.Response create = this.api.post("/api/rooms", alice.token(), Map.of("type", "GROUP", "name", "g",
				"memberIds", List.of(friend.id().toString(), blocker.id().toString())));
		assertProblem(create, 404, "USER_NOT_FOUND");
		assertThat(create.body()).isEqualTo(unknown.body());
		assertThat(this.api.get("/api/rooms", friend.token()).json().path("items").size()).isZero();

		String roomId = this.api
			.post("/api/rooms", alice.token(),
					Map.of("type", "GROUP", "name", "g", "memberIds", List.of(friend.id().toString())))
			.text("roomId");
		assertProblem(this.api.post("/api/rooms/" + roomId + "/members", alice.token(),
				Map.of("userIds", List.of(blocker.id().toString()))), 404, "USER_NOT_FOUND");
		assertProblem(this.api.get("/api/rooms/" + roomId, blocker.token()), 404, "ROOM_NOT_FOUND");
	}

	@Test
	void groupCreationsAndInvitationsAreCappedPerHour() {
		TestUser spammer = user("Spammer");
		TestUser victim = user("Victim");
		for (int i = 0; i < 20; i++) {
			assertThat(this.api
				.post("/api/rooms", spammer.token(), Map.of("type", "GROUP", "name", "g" + i, "memberIds", List.of()))
				.status()).isEqualTo(201);
		}
		ApiClient.Response capped = this.api.post("/api/rooms", spammer.token(),
				Map.of("type", "GROUP", "name", "one more", "memberIds", List.of(victim.id().toString())));
		assertProblem(capped, 429, "RATE_LIMITED");
		assertThat(capped.header("Retry-After")).isNotNull();
		assertThat(this.api.get("/api/rooms", victim.token()).json().path("items").size()).isZero();
		assertThat(this.api
			.post("/api/rooms", user("Someone").token(), Map.of("type", "GROUP", "name", "g", "memberIds", List.of()))
			.status()).as("other accounts are not affected").isEqualTo(201);
	}

	@Test
	void refusesADirectRoomWithYourselfOrABadRequest() {
		TestUser alice = user("Alice");
		assertValidationFailed(openDirect(alice, alice), "memberIds");
		assertValidationFailed(this.api.post("/api/rooms", alice.token(), Map.of("type", "DIRECT", "memberIds",
				List.of(UUID.randomUUID().toString(), UUID.randomUUID().toString()))), "memberIds");
		assertValidationFailed(
				this.api.post("/api/rooms", alice.token(), Map.of("type", "PARTY", "memberIds", List.of())), "type");
		assertValidationFailed(this.api.post("/api/rooms", alice.token(),
				Map.of("type", "GROUP", "name", " ", "memberIds", List.of())), "name");
		assertValidationFailed(this.api.post("/api/rooms", alice.token(),
				Map.of("type", "GROUP", "name", "x".repeat(51), "memberIds", List.of())), "name");
	}

	@Test
	void groupsRecordJoinsAndLeavesAsSystemMessages() {
		TestUser alice = user("Alice");
		TestUser bob = user("Bob");
		TestUser carol = user("Carol");
		UUID roomId = group(alice, "  Weekend trip ", bob);
		ApiClient.Response details = this.api.get("/api/rooms/" + roomId, alice.token());
		assertThat(details.text("name")).isEqualTo("Weekend trip");
		assertThat(details.text("type")).isEqualTo("GROUP");
		assertThat(details.json().path("members")).hasSize(2);
		sendOk(alice, roomId, "hi");

		ApiClient.Response invited = this.api.post("/api/rooms/" + roomId + "/members", bob.token(),
				Map.of("userIds", List.of(carol.id().toString())));
		ApiClient.Response invitedAgain = this.api.post("/api/rooms/" + roomId + "/members", bob.token(),
				Map.of("userIds", List.of(carol.id().toString())));
		ApiClient.Response left = this.api.delete("/api/rooms/" + roomId + "/members/me", bob.token());

		assertThat(invited.status()).as(invited.toString()).isEqualTo(200);
		assertThat(invited.json().path("members")).hasSize(3);
		assertThat(invitedAgain.status()).isEqualTo(200);
		assertThat(left.status()).isEqualTo(204);
		assertThat(streamEvents(roomId))
			.extracting(MessageEvent::seq, MessageEvent::contentType, MessageEvent::senderId, MessageEvent::content)
			.containsExactly(org.assertj.core.groups.Tuple.tuple(1L, "TEXT", alice.id(), "hi"),
					org.assertj.core.groups.Tuple.tuple(2L, "SYSTEM", carol.id(), "member_joined"),
					org.assertj.core.groups.Tuple.tuple(3L, "SYSTEM", bob.id(), "member_left"));
		assertProblem(this.api.get("/api/rooms/" + roomId, bob.token()), 404, "ROOM_NOT_FOUND");
		assertProblem(send(bob, roomId, "after-leaving", "hi"), 404, "ROOM_NOT_FOUND");
		assertProblem(this.api.delete("/api/rooms/" + roomId + "/members/me", bob.token()), 404, "ROOM_NOT_FOUND");
		JsonNode carolView = this.api.get("/api/rooms/" + roomId, carol.token()).json();
		assertThat(carolView.path("lastSeq").asLong()).isEqualTo(3);
		assertThat(memberReadSeq(carolView, carol)).as("a new member starts with nothing unread").isEqualTo(2);
	}

	@Test
	void invitingNeedsAGroupAMemberAndKnownUsers() {
		TestUser alice = user("Alice");
		TestUser bob = user("Bob");
		TestUser eve = user("Eve");
		UUID direct = UUID.fromString(openDirect(alice, bob).text("roomId"));
		UUID group = group(alice, "g");
		Map<String, Object> inviteEve = Map.of("userIds", List.of(eve.id().toString()));

		assertProblem(this.api.post("/api/rooms/" + direct + "/members", alice.token(), inviteEve), 409,
				"NOT_A_GROUP_ROOM");
		assertProblem(this.api.post("/api/rooms/" + group + "/members", eve.token(), inviteEve), 404, "ROOM_NOT_FOUND");
		assertProblem(this.api.post("/api/rooms/" + group + "/members", alice.token(),
				Map.of("userIds", List.of(UUID.randomUUID().toString()))), 404, "USER_NOT_FOUND");
		assertValidationFailed(
				this.api.post("/api/rooms/" + group + "/members", alice.token(), Map.of("userIds", List.of())),
				"userIds");
	}

	@Test
	void roomDetailsAreForMembersOnly() {
		TestUser alice = user("Alice");
		TestUser bob = user("Bob");
		TestUser eve = user("Eve");
		UUID roomId = UUID.fromString(openDirect(alice, bob).text("roomId"));
		sendOk(alice, roomId, "one");

		ApiClient.Response details = this.api.get("/api/rooms/" + roomId, bob.token());

		assertThat(details.status()).isEqualTo(200);
		assertThat(details.json().path("lastSeq").asLong()).isEqualTo(1);
		assertThat(memberReadSeq(details.json(), alice)).isEqualTo(1);
		assertThat(memberReadSeq(details.json(), bob)).isZero();
		assertThat(details.json().path("members").get(0).path("joinedAt").asString()).matches(TIMESTAMP);
		assertThat(details.json().path("members").valueStream().map((m) -> m.path("displayName").asString()))
			.containsExactlyInAnyOrder("Alice", "Bob");
		ApiClient.Response foreign = this.api.get("/api/rooms/" + roomId, eve.token());
		ApiClient.Response unknown = this.api.get("/api/rooms/" + UUID.randomUUID(), eve.token());
		assertProblem(foreign, 404, "ROOM_NOT_FOUND");
		assertThat(foreign.text("detail")).isEqualTo(unknown.text("detail"));
	}

	@Test
	void readPositionsNeverMoveBackwardsAndStopAtTheLastMessage() {
		TestUser alice = user("Alice");
		TestUser bob = user("Bob");
		UUID roomId = UUID.fromString(openDirect(alice, bob).text("roomId"));
		for (int i = 0; i < 5; i++) {
			sendOk(alice, roomId, "m" + i);
		}
		String read = "/api/rooms/" + roomId + "/read";

		assertThat(this.api.put(read, bob.token(), Map.of("seq", 3)).status()).isEqualTo(204);
		assertThat(bobsReadSeq(roomId, bob)).isEqualTo(3);
		assertThat(this.api.put(read, bob.token(), Map.of("seq", 2)).status()).isEqualTo(204);
		assertThat(bobsReadSeq(roomId, bob)).isEqualTo(3);
		assertThat(this.api.put(read, bob.token(), Map.of("seq", 99)).status()).isEqualTo(204);
		assertThat(bobsReadSeq(roomId, bob)).isEqualTo(5);
		assertValidationFailed(this.api.put(read, bob.token(), Map.of("seq", -1)), "seq");
		assertProblem(this.api.put(read, user("Eve").token(), Map.of("seq", 1)), 404, "ROOM_NOT_FOUND");
		// after the write-behind flush, from the database
		sleep(600);
		assertThat(bobsReadSeq(roomId, bob)).isEqualTo(5);
		assertThat(this.api.put(read, bob.token(), Map.of("seq", 4)).status()).isEqualTo(204);
		sleep(600);
		assertThat(bobsReadSeq(roomId, bob)).isEqualTo(5);
	}

	@Test
	void theChatListShowsRoomsByActivityWithUnreadCounts() {
		TestUser me = user("Me");
		TestUser bob = user("Bob");
		TestUser carol = user("Carol");
		UUID withBob = UUID.fromString(openDirect(me, bob).text("roomId"));
		UUID group = group(me, "Team", bob, carol);
		UUID quiet = UUID.fromString(openDirect(carol, me).text("roomId"));
		sendOk(bob, withBob, "one");
		sendOk(bob, withBob, "two");
		sendOk(carol, group, "hello team");
		sendOk(me, group, "hi");
		sendOk(carol, group, "three");
		fakes.storedLastMessage(group, 2, me.id(), "hi", "2026-01-01T00:00:00.000Z");
		assertThat(this.api.put("/api/rooms/" + quiet + "/settings", me.token(), Map.of("muted", true)).json())
			.isEqualTo(JSON.readTree("{\"roomId\":\"" + quiet + "\",\"muted\":true}"));

		ApiClient.Response list = this.api.get("/api/rooms", me.token());

		assertThat(list.status()).isEqualTo(200);
		JsonNode items = list.json().path("items");
		assertThat(items.valueStream().map((item) -> item.path("roomId").asString())).containsExactly(group.toString(),
				withBob.toString(), quiet.toString());
		JsonNode team = items.get(0);
		assertThat(team.path("name").asString()).isEqualTo("Team");
		assertThat(team.path("type").asString()).isEqualTo("GROUP");
		assertThat(team.path("memberCount").asInt()).isEqualTo(3);
		assertThat(team.path("lastSeq").asLong()).isEqualTo(3);
		assertThat(team.path("unreadCount").asLong()).isEqualTo(1);
		assertThat(team.path("muted").asBoolean()).isFalse();
		assertThat(team.path("lastMessage").path("seq").asLong()).isEqualTo(2);
		assertThat(team.path("lastMessage").path("preview").asString()).isEqualTo("hi");
		assertThat(team.path("lastMessage").path("sentAt").asString()).isEqualTo("2026-01-01T00:00:00.000Z");
		JsonNode direct = items.get(1);
		assertThat(direct.path("name").asString()).isEqualTo("Bob");
		assertThat(direct.path("unreadCount").asLong()).isEqualTo(2);
		assertThat(direct.path("lastMessage").isNull()).isTrue();
		JsonNode muted = items.get(2);
		assertThat(muted.path("muted").asBoolean()).isTrue();
		assertThat(muted.path("unreadCount").asLong()).isZero();
		assertThat(muted.path("name").asString()).isEqualTo("Carol");

		this.api.put("/api/rooms/" + withBob + "/read", me.token(), Map.of("seq", 2));
		sendOk(bob, withBob, "newest");
		JsonNode after = this.api.get("/api/rooms", me.token()).json().path("items");
		assertThat(after.get(0).path("roomId").asString()).isEqualTo(withBob.toString());
		assertThat(after.get(0).path("unreadCount").asLong()).isEqualTo(1);
		sleep(600);
		assertThat(this.api.get("/api/rooms", me.token()).json().path("items").get(0).path("roomId").asString())
			.as("the same order once activity is written")
			.isEqualTo(withBob.toString());
	}

	@Test
	void settingsNeedMembership() {
		assertProblem(this.api.put("/api/rooms/" + UUID.randomUUID() + "/settings", user("Eve").token(),
				Map.of("muted", true)), 404, "ROOM_NOT_FOUND");
	}

	@Test
	void theInternalApiListsMembersWithReadPositionsAndAUsersRooms() {
		TestUser alice = user("Alice");
		TestUser bob = user("Bob");
		UUID roomId = UUID.fromString(openDirect(alice, bob).text("roomId"));
		sendOk(alice, roomId, "one");
		sendOk(alice, roomId, "two");
		assertThat(this.api.put("/api/rooms/" + roomId + "/settings", bob.token(), Map.of("muted", true)).status())
			.isEqualTo(200);

		ApiClient.Response members = this.api.send("GET", "/internal/rooms/" + roomId + "/members", null, null,
				INTERNAL);

		assertThat(members.status()).isEqualTo(200);
		assertThat(members.json().path("roomType").asString()).isEqualTo("DIRECT");
		assertThat(members.json()
			.path("items")
			.valueStream()
			.map((m) -> m.path("userId").asString() + "=" + m.path("lastReadSeq").asLong() + ":"
					+ m.path("muted").asBoolean()))
			.containsExactlyInAnyOrder(alice.id() + "=2:false", bob.id() + "=0:true");
		assertProblem(this.api.send("GET", "/internal/rooms/" + UUID.randomUUID() + "/members", null, null, INTERNAL),
				404, "ROOM_NOT_FOUND");
		assertThat(this.api.get("/internal/rooms/" + roomId + "/members", alice.token()).status()).isIn(401, 403);
		ApiClient.Response rooms = this.api.send("GET", "/internal/users/" + alice.id() + "/rooms", null, null,
				INTERNAL);
		assertThat(rooms.json().path("items").valueStream().map(JsonNode::asString)).containsExactly(roomId.toString());
	}

	private long bobsReadSeq(UUID roomId, TestUser bob) {
		return memberReadSeq(this.api.get("/api/rooms/" + roomId, bob.token()).json(), bob);
	}

	private static long memberReadSeq(JsonNode details, TestUser user) {
		return details.path("members")
			.valueStream()
			.filter((m) -> m.path("userId").asString().equals(user.id().toString()))
			.findFirst()
			.orElseThrow()
			.path("lastReadSeq")
			.asLong();
	}

	private static void sleep(long millis) {
		try {
			Thread.sleep(millis);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
