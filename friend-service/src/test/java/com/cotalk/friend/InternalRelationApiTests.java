package com.cotalk.friend;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.cotalk.testsupport.ApiClient;

/** What chat-service relies on. */
class InternalRelationApiTests extends FriendApiTestSupport {

	ApiClient.Response internal(String path) {
		return this.api.send("GET", path, null, null, INTERNAL);
	}

	ApiClient.Response relation(TestUser one, TestUser other) {
		ApiClient.Response relation = internal("/internal/relations?userId=" + one.id() + "&otherId=" + other.id());
		assertThat(relation.status()).as(relation.toString()).isEqualTo(200);
		return relation;
	}

	@Test
	void tellsWhetherTwoUsersAreFriendsOrBlocked() {
		TestUser one = user("One");
		TestUser other = user("Other");
		assertThat(relation(one, other).json().toString()).isEqualTo("{\"friends\":false,\"blocked\":false}");
		makeFriends(one, other);
		assertThat(relation(one, other).json().path("friends").asBoolean()).isTrue();
		assertThat(relation(other, one).json().path("friends").asBoolean()).isTrue();

		this.api.put("/api/blocks/" + one.id(), other.token(), null);
		assertThat(relation(one, other).json().toString()).isEqualTo("{\"friends\":false,\"blocked\":true}");
		assertThat(relation(other, one).json().path("blocked").asBoolean()).isTrue();
	}

	@Test
	void tellsWhichOfSeveralUsersAreBlockedEitherWay() {
		TestUser me = user("Me");
		TestUser blockedByMe = user("Blocked by me");
		TestUser blockingMe = user("Blocking me");
		TestUser friend = user("Friend");
		makeFriends(me, friend);
		this.api.put("/api/blocks/" + blockedByMe.id(), me.token(), null);
		this.api.put("/api/blocks/" + me.id(), blockingMe.token(), null);
		ApiClient.Response blocked = this.api.send("POST", "/internal/relations/blocked", null,
				Map.of("userId", me.id(), "otherIds", List.of(blockedByMe.id(), blockingMe.id(), friend.id())),
				INTERNAL);
		assertThat(blocked.status()).as(blocked.toString()).isEqualTo(200);
		assertThat(blocked.json().path("items").valueStream().map((id) -> id.asString()))
			.containsExactlyInAnyOrder(blockedByMe.id().toString(), blockingMe.id().toString());
		ApiClient.Response none = this.api.send("POST", "/internal/relations/blocked", null,
				Map.of("userId", me.id(), "otherIds", List.of(friend.id())), INTERNAL);
		assertThat(none.json().path("items").size()).isZero();
	}

	@Test
	void listsAUsersFriendIds() {
		TestUser me = user("Me");
		TestUser one = user("One");
		TestUser other = user("Other");
		makeFriends(me, one);
		makeFriends(other, me);
		ApiClient.Response ids = internal("/internal/friends/" + me.id() + "/ids");
		assertThat(ids.status()).isEqualTo(200);
		assertThat(ids.json().path("items").valueStream().map((id) -> id.asString()))
			.containsExactlyInAnyOrderElementsOf(List.of(one.id().toString(), other.id().toString()));
		assertThat(internal("/internal/friends/" + user("Nobody").id() + "/ids").json().path("items").size()).isZero();
	}

	@Test
	void refusesCallersWithoutTheInternalToken() {
		TestUser me = user("Me");
		String path = "/internal/friends/" + me.id() + "/ids";
		assertProblem(this.api.get(path, null), 401, "UNAUTHORIZED");
		assertProblem(this.api.get(path, me.token()), 403, "FORBIDDEN");
		assertProblem(this.api.send("GET", path, null, null, Map.of("X-Internal-Token", "wrong-token-0123456789")), 401,
				"UNAUTHORIZED");
	}

	@Test
	void refusesMalformedRelationQueries() {
		TestUser me = user("Me");
		assertThat(internal("/internal/relations?userId=" + me.id()).status()).isEqualTo(400);
		assertValidationFailed(internal("/internal/relations?userId=" + me.id() + "&otherId=x"), "otherId");
	}

}
