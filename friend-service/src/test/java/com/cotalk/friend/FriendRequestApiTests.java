package com.cotalk.friend;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.junit.jupiter.api.Test;

import com.cotalk.testsupport.ApiClient;
import com.cotalk.testsupport.TestTokens;

class FriendRequestApiTests extends FriendApiTestSupport {

	@Test
	void sendsAPendingRequestThatBothSidesSeeInTheirBoxes() {
		TestUser minjun = user("민준");
		TestUser seoyeon = user("서연");
		ApiClient.Response sent = sendRequest(minjun, seoyeon);
		assertThat(sent.status()).as(sent.toString()).isEqualTo(201);
		assertThat(sent.contentType()).startsWith("application/json");
		assertThat(sent.json().propertyNames()).containsExactlyInAnyOrder("requestId", "fromUserId", "toUserId",
				"status", "createdAt");
		assertThat(UUID.fromString(sent.text("requestId")).version()).isEqualTo(7);
		assertThat(sent.text("fromUserId")).isEqualTo(minjun.id().toString());
		assertThat(sent.text("toUserId")).isEqualTo(seoyeon.id().toString());
		assertThat(sent.text("status")).isEqualTo("PENDING");
		assertThat(sent.text("createdAt")).matches(TIMESTAMP);

		assertThat(requestIds(seoyeon, "incoming")).containsExactly(sent.text("requestId"));
		assertThat(requestIds(minjun, "outgoing")).containsExactly(sent.text("requestId"));
		assertThat(requestIds(minjun, "incoming")).isEmpty();
		assertThat(requestIds(seoyeon, "outgoing")).isEmpty();
		ApiClient.Response incoming = this.api.get("/api/friends/requests", seoyeon.token());
		assertThat(incoming.json().path("items").get(0)).isEqualTo(sent.json());
	}

	@Test
	void listsPendingRequestsNewestFirst() {
		TestUser me = user("Me");
		List<String> sent = new ArrayList<>();
		for (int i = 0; i < 3; i++) {
			TestUser other = user("Other " + i);
			sent.addFirst(sendRequest(other, me).text("requestId"));
		}
		assertThat(requestIds(me, "incoming")).containsExactlyElementsOf(sent);
		assertThat(this.api.get("/api/friends/requests?box=incoming&limit=2", me.token()).json().path("items").size())
			.isEqualTo(2);
	}

	@Test
	void acceptingMakesBothUsersFriends() {
		TestUser minjun = user("민준");
		TestUser seoyeon = user("서연");
		String requestId = sendRequest(minjun, seoyeon).text("requestId");
		ApiClient.Response accepted = accept(seoyeon, requestId);
		assertThat(accepted.status()).as(accepted.toString()).isEqualTo(200);
		assertThat(accepted.text("requestId")).isEqualTo(requestId);
		assertThat(accepted.text("status")).isEqualTo("ACCEPTED");
		assertThat(accepted.text("fromUserId")).isEqualTo(minjun.id().toString());

		assertThat(friendIds(minjun)).containsExactly(seoyeon.id().toString());
		assertThat(friendIds(seoyeon)).containsExactly(minjun.id().toString());
		assertThat(requestIds(seoyeon, "incoming")).isEmpty();
		assertThat(requestIds(minjun, "outgoing")).isEmpty();
	}

	@Test
	void decliningLeavesNoFriendshipAndAllowsANewRequestLater() {
		TestUser minjun = user("민준");
		TestUser seoyeon = user("서연");
		String requestId = sendRequest(minjun, seoyeon).text("requestId");
		ApiClient.Response declined = this.api.post("/api/friends/requests/" + requestId + "/decline", seoyeon.token(),
				null);
		assertThat(declined.status()).isEqualTo(200);
		assertThat(declined.text("status")).isEqualTo("DECLINED");
		assertThat(friendIds(minjun)).isEmpty();
		assertThat(requestIds(seoyeon, "incoming")).isEmpty();
		assertThat(sendRequest(minjun, seoyeon).status()).isEqualTo(201);
	}

	@Test
	void askingSomeoneWhoAlreadyAskedMeAcceptsTheirRequestAtOnce() {
		TestUser minjun = user("민준");
		TestUser seoyeon = user("서연");
		ApiClient.Response theirs = sendRequest(seoyeon, minjun);
		ApiClient.Response mine = sendRequest(minjun, seoyeon);
		assertThat(mine.status()).as(mine.toString()).isEqualTo(200);
		assertThat(mine.text("requestId")).isEqualTo(theirs.text("requestId"));
		assertThat(mine.text("fromUserId")).isEqualTo(seoyeon.id().toString());
		assertThat(mine.text("toUserId")).isEqualTo(minjun.id().toString());
		assertThat(mine.text("status")).isEqualTo("ACCEPTED");
		assertThat(mine.text("createdAt")).isEqualTo(theirs.text("createdAt"));
		assertThat(friendIds(minjun)).containsExactly(seoyeon.id().toString());
		assertThat(friendIds(seoyeon)).containsExactly(minjun.id().toString());
		assertThat(requestIds(minjun, "incoming")).isEmpty();
	}

	@Test
	void requestsCrossingAtTheSameMomentEndAsOneFriendship() throws Exception {
		try (ExecutorService threads = Executors.newFixedThreadPool(2)) {
			for (int round = 0; round < 8; round++) {
				TestUser one = user("One");
				TestUser other = user("Other");
				CountDownLatch start = new CountDownLatch(1);
				CompletableFuture<ApiClient.Response> first = CompletableFuture.supplyAsync(() -> {
					await(start);
					return sendRequest(one, other);
				}, threads);
				CompletableFuture<ApiClient.Response> second = CompletableFuture.supplyAsync(() -> {
					await(start);
					return sendRequest(other, one);
				}, threads);
				start.countDown();
				List<Integer> statuses = List.of(first.get().status(), second.get().status());
				assertThat(statuses).as(first.get() + " / " + second.get()).containsExactlyInAnyOrder(201, 200);
				assertThat(friendIds(one)).containsExactly(other.id().toString());
				assertThat(friendIds(other)).containsExactly(one.id().toString());
				assertThat(requestIds(one, "incoming")).isEmpty();
				assertThat(requestIds(other, "incoming")).isEmpty();
			}
		}
	}

	@Test
	void refusesASecondRequestToTheSameUser() {
		TestUser minjun = user("민준");
		TestUser seoyeon = user("서연");
		sendRequest(minjun, seoyeon);
		assertProblem(sendRequest(minjun, seoyeon), 409, "REQUEST_PENDING");
		assertThat(requestIds(seoyeon, "incoming")).hasSize(1);
	}

	@Test
	void refusesARequestToAFriend() {
		TestUser minjun = user("민준");
		TestUser seoyeon = user("서연");
		makeFriends(minjun, seoyeon);
		assertProblem(sendRequest(minjun, seoyeon), 409, "ALREADY_FRIENDS");
		assertProblem(sendRequest(seoyeon, minjun), 409, "ALREADY_FRIENDS");
	}

	@Test
	void answersAnUnknownUserAndABlockedOneAlike() {
		TestUser minjun = user("민준");
		TestUser blocker = user("Blocker");
		TestUser blocked = user("Blocked");
		assertThat(this.api.put("/api/blocks/" + blocked.id(), blocker.token(), null).status()).isEqualTo(204);

		ApiClient.Response unknown = this.api.post("/api/friends/requests", minjun.token(),
				Map.of("userId", UUID.randomUUID().toString()));
		ApiClient.Response toBlocker = sendRequest(blocked, blocker);
		ApiClient.Response toBlocked = sendRequest(blocker, blocked);
		assertProblem(unknown, 404, "USER_NOT_FOUND");
		assertThat(toBlocker.status()).isEqualTo(404);
		assertThat(toBlocker.json()).isEqualTo(unknown.json());
		assertThat(toBlocker.contentType()).isEqualTo(unknown.contentType());
		assertThat(toBlocked.json()).isEqualTo(unknown.json());
		assertThat(requestIds(blocker, "incoming")).isEmpty();
	}

	@Test
	void refusesARequestToYourself() {
		TestUser minjun = user("민준");
		assertValidationFailed(sendRequest(minjun, minjun), "userId");
	}

	@Test
	void refusesMalformedRequests() {
		TestUser minjun = user("민준");
		assertValidationFailed(this.api.post("/api/friends/requests", minjun.token(), Map.of()), "userId");
		assertProblem(this.api.post("/api/friends/requests", minjun.token(), Map.of("userId", "not-a-uuid")), 400,
				"MALFORMED_REQUEST");
		assertValidationFailed(this.api.get("/api/friends/requests?box=sideways", minjun.token()), "box");
		assertValidationFailed(this.api.get("/api/friends/requests?limit=0", minjun.token()), "limit");
		assertValidationFailed(this.api.post("/api/friends/requests/123/accept", minjun.token(), null), "requestId");
	}

	@Test
	void onlyTheRecipientMayAnswerARequest() {
		TestUser minjun = user("민준");
		TestUser seoyeon = user("서연");
		TestUser stranger = user("Stranger");
		String requestId = sendRequest(minjun, seoyeon).text("requestId");
		assertProblem(accept(minjun, requestId), 404, "REQUEST_NOT_FOUND");
		assertProblem(accept(stranger, requestId), 404, "REQUEST_NOT_FOUND");
		assertProblem(this.api.post("/api/friends/requests/" + requestId + "/decline", stranger.token(), null), 404,
				"REQUEST_NOT_FOUND");
		assertProblem(accept(seoyeon, UUID.randomUUID().toString()), 404, "REQUEST_NOT_FOUND");
		assertThat(requestIds(seoyeon, "incoming")).containsExactly(requestId);
	}

	@Test
	void refusesToAnswerARequestTwice() {
		TestUser minjun = user("민준");
		TestUser seoyeon = user("서연");
		String requestId = sendRequest(minjun, seoyeon).text("requestId");
		accept(seoyeon, requestId);
		assertProblem(accept(seoyeon, requestId), 409, "REQUEST_NOT_PENDING");
		assertProblem(this.api.post("/api/friends/requests/" + requestId + "/decline", seoyeon.token(), null), 409,
				"REQUEST_NOT_PENDING");
	}

	@Test
	void theSenderMayCancelAPendingRequest() {
		TestUser minjun = user("민준");
		TestUser seoyeon = user("서연");
		String requestId = sendRequest(minjun, seoyeon).text("requestId");
		assertProblem(this.api.delete("/api/friends/requests/" + requestId, seoyeon.token()), 404, "REQUEST_NOT_FOUND");
		ApiClient.Response cancelled = this.api.delete("/api/friends/requests/" + requestId, minjun.token());
		assertThat(cancelled.status()).isEqualTo(204);
		assertThat(cancelled.body()).isEmpty();
		assertThat(requestIds(seoyeon, "incoming")).isEmpty();
		assertProblem(accept(seoyeon, requestId), 409, "REQUEST_NOT_PENDING");
		assertProblem(this.api.delete("/api/friends/requests/" + requestId, minjun.token()), 409,
				"REQUEST_NOT_PENDING");
		assertThat(sendRequest(minjun, seoyeon).status()).isEqualTo(201);
	}

	@Test
	void requestingAndCancellingOverAndOverIsCappedPerDay() {
		TestUser pest = user("Pest");
		TestUser target = user("Target");
		for (int i = 0; i < 3; i++) {
			ApiClient.Response sent = sendRequest(pest, target);
			assertThat(sent.status()).isEqualTo(201);
			assertThat(this.api.delete("/api/friends/requests/" + sent.text("requestId"), pest.token()).status())
				.isEqualTo(204);
		}
		ApiClient.Response capped = sendRequest(pest, target);
		assertProblem(capped, 429, "RATE_LIMITED");
		assertThat(Long.parseLong(capped.header("Retry-After"))).isBetween(1L, 86_400L);
		assertThat(requestIds(target, "incoming")).isEmpty();
		assertThat(sendRequest(pest, user("Someone else")).status()).as("others can still be asked").isEqualTo(201);
	}

	@Test
	void refusesCallersWithoutAValidToken() {
		TestUser seoyeon = user("서연");
		assertProblem(this.api.post("/api/friends/requests", null, Map.of("userId", seoyeon.id().toString())), 401,
				"UNAUTHORIZED");
		assertProblem(this.api.get("/api/friends", "not-a-token"), 401, "UNAUTHORIZED");
		String expired = TestTokens.accessToken(seoyeon.id(), java.time.Instant.now().minusSeconds(600));
		assertProblem(this.api.get("/api/friends/requests", expired), 401, "UNAUTHORIZED");
	}

	private static void await(CountDownLatch latch) {
		try {
			latch.await();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
