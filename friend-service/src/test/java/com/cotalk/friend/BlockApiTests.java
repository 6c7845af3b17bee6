package com.cotalk.friend;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.cotalk.testsupport.ApiClient;

import tools.jackson.databind.JsonNode;

class BlockApiTests extends FriendApiTestSupport {

	ApiClient.Response block(TestUser blocker, TestUser blocked) {
		return this.api.put("/api/blocks/" + blocked.id(), blocker.token(), null);
	}

	JsonNode blocks(TestUser user) {
		ApiClient.Response list = this.api.get("/api/blocks", user.token());
		assertThat(list.status()).as(list.toString()).isEqualTo(200);
		return list.json().path("items");
	}

	@Test
	void blockingListsTheUserWithTheirProfile() {
		TestUser me = user("Me");
		TestUser pest = user("Pest");
		userService.register(pest.id(), "Pest", "spam", "https://cdn.example.com/p.png");
		ApiClient.Response blocked = block(me, pest);
		assertThat(blocked.status()).isEqualTo(204);
		assertThat(blocked.body()).isEmpty();
		JsonNode entry = blocks(me).get(0);
		assertThat(entry.propertyNames()).containsExactlyInAnyOrder("userId", "displayName", "statusMessage",
				"avatarUrl", "blockedAt");
		assertThat(entry.path("userId").asString()).isEqualTo(pest.id().toString());
		assertThat(entry.path("displayName").asString()).isEqualTo("Pest");
		assertThat(entry.path("statusMessage").asString()).isEqualTo("spam");
		assertThat(entry.path("avatarUrl").asString()).isEqualTo("https://cdn.example.com/p.png");
		assertThat(entry.path("blockedAt").asString()).matches(TIMESTAMP);
		assertThat(blocks(pest).size()).isZero();
	}

	@Test
	void blockingTwiceIsHarmless() {
		TestUser me = user("Me");
		TestUser pest = user("Pest");
		assertThat(block(me, pest).status()).isEqualTo(204);
		String blockedAt = blocks(me).get(0).path("blockedAt").asString();
		assertThat(block(me, pest).status()).isEqualTo(204);
		assertThat(blocks(me).size()).isEqualTo(1);
		assertThat(blocks(me).get(0).path("blockedAt").asString()).isEqualTo(blockedAt);
	}

	@Test
	void listsBlocksNewestFirst() {
		TestUser me = user("Me");
		TestUser first = user("First");
		TestUser second = user("Second");
		block(me, first);
		block(me, second);
		assertThat(blocks(me).valueStream().map((b) -> b.path("displayName").asString())).containsExactly("Second",
				"First");
	}

	@Test
	void blockingEndsTheFriendshipForBoth() {
		TestUser me = user("Me");
		TestUser friend = user("Friend");
		makeFriends(me, friend);
		block(me, friend);
		assertThat(friendIds(me)).isEmpty();
		assertThat(friendIds(friend)).isEmpty();
	}

	@Test
	void blockingCancelsPendingRequestsBothWays() {
		TestUser me = user("Me");
		TestUser asker = user("Asker");
		TestUser asked = user("Asked");
		String incoming = sendRequest(asker, me).text("requestId");
		sendRequest(me, asked);
		block(me, asker);
		block(me, asked);
		assertThat(requestIds(me, "incoming")).isEmpty();
		assertThat(requestIds(me, "outgoing")).isEmpty();
		assertThat(requestIds(asker, "outgoing")).isEmpty();
		assertThat(requestIds(asked, "incoming")).isEmpty();
		assertProblem(accept(me, incoming), 409, "REQUEST_NOT_PENDING");
	}

	@Test
	void aBlockStopsRequestsBothWaysUntilLifted() {
		TestUser me = user("Me");
		TestUser pest = user("Pest");
		block(me, pest);
		assertProblem(sendRequest(pest, me), 404, "USER_NOT_FOUND");
		assertProblem(sendRequest(me, pest), 404, "USER_NOT_FOUND");

		ApiClient.Response unblocked = this.api.delete("/api/blocks/" + pest.id(), me.token());
		assertThat(unblocked.status()).isEqualTo(204);
		assertThat(blocks(me).size()).isZero();
		assertThat(this.api.delete("/api/blocks/" + pest.id(), me.token()).status()).isEqualTo(204);
		assertThat(sendRequest(pest, me).status()).isEqualTo(201);
	}

	@Test
	void eachSideMayBlockTheOther() {
		TestUser one = user("One");
		TestUser other = user("Other");
		block(one, other);
		block(other, one);
		this.api.delete("/api/blocks/" + other.id(), one.token());
		assertProblem(sendRequest(one, other), 404, "USER_NOT_FOUND");
	}

	@Test
	void refusesToBlockYourselfOrAnUnknownUser() {
		TestUser me = user("Me");
		assertValidationFailed(block(me, me), "userId");
		assertProblem(this.api.put("/api/blocks/" + UUID.randomUUID(), me.token(), null), 404, "USER_NOT_FOUND");
		assertValidationFailed(this.api.put("/api/blocks/not-a-uuid", me.token(), null), "userId");
		assertThat(blocks(me).size()).isZero();
	}

	@Test
	void blocksEvenWhileUserServiceIsDown() {
		TestUser me = user("Me");
		TestUser pest = user("Pest");
		userService.setDown(true);
		assertThat(block(me, pest).status()).isEqualTo(204);
		assertProblem(this.api.get("/api/blocks", me.token()), 503, "SERVICE_UNAVAILABLE");
		userService.setDown(false);
		assertThat(blocks(me).get(0).path("displayName").asString()).isEqualTo("Pest");
	}

}
