package com.cotalk.user.profile;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import com.cotalk.common.Headers;
import com.cotalk.testsupport.ApiClient;
import com.cotalk.testsupport.TestTokens;

class InternalProfileApiTests extends ApiTestSupport {

	@Test
	void createsAProfileOnceAndAnswersTheSameProfileWhenRepeated() {
		UUID id = UUID.randomUUID();
		String email = "New-" + id + "@Example.test";
		ApiClient.Response created = createProfile(id, email, "  Newcomer ");
		assertThat(created.status()).as(created.toString()).isEqualTo(201);
		assertThat(created.json().propertyNames()).containsExactlyInAnyOrder("userId", "email", "displayName",
				"statusMessage", "avatarUrl", "createdAt");
		assertThat(created.text("userId")).isEqualTo(id.toString());
		assertThat(created.text("email")).isEqualTo(email);
		assertThat(created.text("displayName")).isEqualTo("Newcomer");
		assertThat(created.text("statusMessage")).isEmpty();
		ApiClient.Response repeated = createProfile(id, email, "Newcomer");
		assertThat(repeated.status()).as(repeated.toString()).isEqualTo(200);
		assertThat(repeated.json()).isEqualTo(created.json());
		assertThat(this.api.get("/api/users/me", TestTokens.accessToken(id)).json()).isEqualTo(created.json());
	}

	@Test
	void neverOverwritesAProfileTheUserEdited() {
		TestUser user = createUser("Original");
		this.api.patch("/api/users/me", user.token(), Map.of("displayName", "Edited", "statusMessage", "mine"));
		ApiClient.Response repeated = createProfile(user.id(), user.email(), "Original");
		assertThat(repeated.status()).as(repeated.toString()).isEqualTo(200);
		assertThat(repeated.text("displayName")).isEqualTo("Edited");
		ApiClient.Response me = this.api.get("/api/users/me", user.token());
		assertThat(me.text("displayName")).isEqualTo("Edited");
		assertThat(me.text("statusMessage")).isEqualTo("mine");
	}

	@Test
	void refusesAnEmailAnotherUserHasInAnyCase() {
		TestUser owner = createUser("Owner");
		ApiClient.Response clash = createProfile(UUID.randomUUID(), owner.email().toUpperCase(), "Clash");
		assertProblem(clash, 409, "EMAIL_TAKEN");
	}

	@Test
	void refusesInvalidProfiles() {
		UUID id = UUID.randomUUID();
		assertValidationFailed(createProfile(id, "not-an-email", "Name"), "email");
		assertValidationFailed(createProfile(id, "ok-" + id + "@example.test", " "), "displayName");
		assertValidationFailed(createProfile(id, "ok-" + id + "@example.test", "x".repeat(41)), "displayName");
		ApiClient.Response empty = this.api.send("PUT", "/internal/users/" + id, null, Map.of(), INTERNAL);
		assertValidationFailed(empty, "email");
		assertValidationFailed(empty, "displayName");
		ApiClient.Response badId = this.api.send("PUT", "/internal/users/not-a-uuid", null,
				Map.of("email", "x@example.test", "displayName", "X"), INTERNAL);
		assertValidationFailed(badId, "userId");
		assertProblem(this.api.get("/api/users/me", TestTokens.accessToken(id)), 404, "USER_NOT_FOUND");
	}

	@Test
	void refusesCallersWithoutTheInternalToken() {
		UUID id = UUID.randomUUID();
		Map<String, String> body = Map.of("email", "x-" + id + "@example.test", "displayName", "X");
		assertProblem(this.api.send("PUT", "/internal/users/" + id, null, body, Map.of()), 401, "UNAUTHORIZED");
		Map<String, String> wrong = Map.of(Headers.INTERNAL_TOKEN, "wrong-internal-token-0123456789");
		assertProblem(this.api.send("PUT", "/internal/users/" + id, null, body, wrong), 401, "UNAUTHORIZED");
		assertProblem(this.api.send("GET", "/internal/users?ids=" + id, null, null, wrong), 401, "UNAUTHORIZED");
		assertProblem(this.api.get("/internal/users?ids=" + id, null), 401, "UNAUTHORIZED");
		// a user's access token is no service credential
		assertProblem(this.api.put("/internal/users/" + id, TestTokens.accessToken(id), body), 403, "FORBIDDEN");
		assertProblem(this.api.get("/api/users/me", TestTokens.accessToken(id)), 404, "USER_NOT_FOUND");
	}

	@Test
	void looksUpProfilesInBatches() {
		TestUser first = createUser("First");
		TestUser second = createUser("Second");
		UUID unknown = UUID.randomUUID();
		ApiClient.Response found = getInternal(
				"/internal/users?ids=" + first.id() + "," + second.id() + "," + unknown + "," + first.id());
		assertThat(found.status()).as(found.toString()).isEqualTo(200);
		assertThat(found.json().path("items").valueStream().map((item) -> item.path("userId").asString()))
			.containsExactlyInAnyOrder(first.id().toString(), second.id().toString());
		assertThat(found.json().path("items").get(0).propertyNames()).containsExactlyInAnyOrder("userId", "displayName",
				"statusMessage", "avatarUrl");
		ApiClient.Response repeatedParam = getInternal("/internal/users?ids=" + first.id() + "&ids=" + second.id());
		assertThat(repeatedParam.json().path("items").size()).isEqualTo(2);
	}

	@Test
	void takesUpToFiveHundredIds() {
		TestUser known = createUser("Known");
		List<UUID> ids = new ArrayList<>(IntStream.range(0, 499).mapToObj((i) -> UUID.randomUUID()).toList());
		ids.add(known.id());
		ApiClient.Response found = getInternal("/internal/users?ids=" + join(ids));
		assertThat(found.status()).as(found.toString()).isEqualTo(200);
		assertThat(found.json().path("items").size()).isEqualTo(1);
		ids.add(UUID.randomUUID());
		assertValidationFailed(getInternal("/internal/users?ids=" + join(ids)), "ids");
	}

	@Test
	void refusesMissingOrMalformedIds() {
		assertValidationFailed(getInternal("/internal/users"), "ids");
		assertValidationFailed(getInternal("/internal/users?ids="), "ids");
		assertValidationFailed(getInternal("/internal/users?ids=" + UUID.randomUUID() + ",nope"), "ids");
	}

	private static String join(List<UUID> ids) {
		return ids.stream().map(UUID::toString).collect(Collectors.joining(","));
	}

}
