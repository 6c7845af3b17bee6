package com.cotalk.e2e;

import static com.cotalk.e2e.AccountJourneyTests.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.cotalk.testsupport.ApiClient;
import com.cotalk.testsupport.ApiClient.Response;

/** The Friends section of the contract, through the gateway against the real services. */
class FriendsJourneyTests {

	final ApiClient api = new ApiClient(E2eStack.gatewayUrl());

	Users.LoggedIn user(String name) {
		Users.LoggedIn user = Users.signUpAndLogIn(this.api, name);
		assertThat(Users.awaitProfile(this.api, user.accessToken()).status()).isEqualTo(200);
		return user;
	}

	Response request(Users.LoggedIn from, Users.LoggedIn to) {
		return this.api.post("/api/friends/requests", from.accessToken(), Map.of("userId", to.userId()));
	}

	List<String> friendNames(Users.LoggedIn user) {
		return this.api.get("/api/friends", user.accessToken())
			.json()
			.path("items")
			.valueStream()
			.map((friend) -> friend.path("displayName").asString())
			.toList();
	}

	@Test
	void requestAcceptAndBothSeeEachOther() {
		Users.LoggedIn minjun = user("민준");
		Users.LoggedIn seoyeon = user("서연");

		Response sent = request(minjun, seoyeon);
		assertThat(sent.status()).as(sent.toString()).isEqualTo(201);
		assertThat(sent.text("status")).isEqualTo("PENDING");
		assertThat(sent.text("fromUserId")).isEqualTo(minjun.userId());
		assertProblem(request(minjun, seoyeon), 409, "REQUEST_PENDING");

		var incoming = this.api.get("/api/friends/requests?box=incoming", seoyeon.accessToken());
		assertThat(incoming.json().path("items").get(0).path("requestId").asString()).isEqualTo(sent.text("requestId"));
		var outgoing = this.api.get("/api/friends/requests?box=outgoing", minjun.accessToken());
		assertThat(outgoing.json().path("items").get(0).path("toUserId").asString()).isEqualTo(seoyeon.userId());

		String requestId = sent.text("requestId");
		assertProblem(this.api.post("/api/friends/requests/" + requestId + "/accept", minjun.accessToken(), null), 404,
				"REQUEST_NOT_FOUND");
		Response accepted = this.api.post("/api/friends/requests/" + requestId + "/accept", seoyeon.accessToken(),
				null);
		assertThat(accepted.status()).isEqualTo(200);
		assertThat(accepted.text("status")).isEqualTo("ACCEPTED");

		var friends = this.api.get("/api/friends", minjun.accessToken()).json().path("items");
		assertThat(friends.size()).isEqualTo(1);
		assertThat(friends.get(0).path("userId").asString()).isEqualTo(seoyeon.userId());
		assertThat(friends.get(0).path("displayName").asString()).isEqualTo("서연");
		assertThat(friends.get(0).path("online").asBoolean()).isFalse();
		assertThat(friends.get(0).path("since").asString()).isNotBlank();
		assertThat(friendNames(seoyeon)).containsExactly("민준");
		assertProblem(request(seoyeon, minjun), 409, "ALREADY_FRIENDS");
	}

	@Test
	void crossedRequestsBecomeAFriendshipAtOnce() {
		Users.LoggedIn a = user("Jiho");
		Users.LoggedIn b = user("Yuna");
		assertThat(request(a, b).status()).isEqualTo(201);
		Response crossed = request(b, a);
		assertThat(crossed.status()).isEqualTo(200);
		assertThat(crossed.text("status")).isEqualTo("ACCEPTED");
		assertThat(friendNames(a)).containsExactly("Yuna");
	}

	@Test
	void declineCancelAndRemove() {
		Users.LoggedIn a = user("Hana");
		Users.LoggedIn b = user("Dahye");
		Users.LoggedIn c = user("Eunji");

		String declined = request(a, b).text("requestId");
		Response decline = this.api.post("/api/friends/requests/" + declined + "/decline", b.accessToken(), null);
		assertThat(decline.text("status")).isEqualTo("DECLINED");
		assertProblem(this.api.post("/api/friends/requests/" + declined + "/accept", b.accessToken(), null), 409,
				"REQUEST_NOT_PENDING");

		String cancelled = request(a, c).text("requestId");
		assertThat(this.api.delete("/api/friends/requests/" + cancelled, a.accessToken()).status()).isEqualTo(204);
		assertThat(this.api.get("/api/friends/requests?box=incoming", c.accessToken()).json().path("items").size())
			.isZero();

		String accepted = request(c, a).text("requestId");
		this.api.post("/api/friends/requests/" + accepted + "/accept", a.accessToken(), null);
		assertThat(this.api.delete("/api/friends/" + c.userId(), a.accessToken()).status()).isEqualTo(204);
		assertThat(friendNames(a)).isEmpty();
		assertThat(friendNames(c)).isEmpty();
		assertProblem(this.api.delete("/api/friends/" + c.userId(), a.accessToken()), 404, "FRIEND_NOT_FOUND");
	}

	@Test
	void aBlockedUserCannotTellTheBlockerFromNobody() {
		Users.LoggedIn blocker = user("Blocker");
		Users.LoggedIn blocked = user("Blocked");
		request(blocked, blocker);
		assertThat(this.api.put("/api/blocks/" + blocked.userId(), blocker.accessToken(), null).status())
			.isEqualTo(204);
		assertThat(
				this.api.get("/api/friends/requests?box=incoming", blocker.accessToken()).json().path("items").size())
			.as("blocking drops pending requests")
			.isZero();

		Response toBlocker = request(blocked, blocker);
		Response toNobody = this.api.post("/api/friends/requests", blocked.accessToken(),
				Map.of("userId", UUID.randomUUID().toString()));
		assertProblem(toBlocker, 404, "USER_NOT_FOUND");
		for (String field : List.of("type", "title", "status", "detail", "code")) {
			assertThat(toBlocker.json().path(field)).isEqualTo(toNobody.json().path(field));
		}

		var blocks = this.api.get("/api/blocks", blocker.accessToken()).json().path("items");
		assertThat(blocks.get(0).path("userId").asString()).isEqualTo(blocked.userId());
		assertThat(this.api.delete("/api/blocks/" + blocked.userId(), blocker.accessToken()).status()).isEqualTo(204);
		assertThat(request(blocked, blocker).status()).isEqualTo(201);
	}

	@Test
	void listsFriendsInKoreanOrderAndShowsProfileChangesWithinASecond() {
		Users.LoggedIn me = user("Me");
		List<Users.LoggedIn> friends = List.of(user("다인"), user("Alice"), user("가영"), user("bob"), user("나래"));
		for (Users.LoggedIn friend : friends) {
			String requestId = request(friend, me).text("requestId");
			assertThat(this.api.post("/api/friends/requests/" + requestId + "/accept", me.accessToken(), null).status())
				.isEqualTo(200);
		}
		assertThat(friendNames(me)).containsExactly("가영", "나래", "다인", "Alice", "bob");

		Users.LoggedIn alice = friends.get(1);
		assertThat(this.api.patch("/api/users/me", alice.accessToken(), Map.of("displayName", "라희")).status())
			.isEqualTo(200);
		Instant deadline = Instant.now().plus(Duration.ofSeconds(1));
		List<String> names = friendNames(me);
		while (!names.contains("라희") && Instant.now().isBefore(deadline)) {
			names = friendNames(me);
		}
		assertThat(names).containsExactly("가영", "나래", "다인", "라희", "bob");
	}

	@Test
	void refusesRequestsToUnknownUsersAndToYourself() {
		Users.LoggedIn me = user("Lonely");
		assertProblem(this.api.post("/api/friends/requests", me.accessToken(),
				Map.of("userId", UUID.randomUUID().toString())), 404, "USER_NOT_FOUND");
		assertProblem(request(me, me), 400, "VALIDATION_FAILED");
		assertProblem(this.api.get("/api/friends", null), 401, "UNAUTHORIZED");
	}

}
