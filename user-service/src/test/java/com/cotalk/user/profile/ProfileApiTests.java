package com.cotalk.user.profile;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.cotalk.testsupport.ApiClient;
import com.cotalk.testsupport.TestTokens;

import tools.jackson.databind.JsonNode;

class ProfileApiTests extends ApiTestSupport {

	private static final String TIMESTAMP = "\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.\\d{3}Z";

	@Test
	void returnsMyProfileWithEmailAndCreationTime() {
		TestUser user = createUser("Alice");
		ApiClient.Response me = this.api.get("/api/users/me", user.token());
		assertThat(me.status()).as(me.toString()).isEqualTo(200);
		assertThat(me.contentType()).startsWith("application/json");
		JsonNode body = me.json();
		assertThat(body.propertyNames()).containsExactlyInAnyOrder("userId", "email", "displayName", "statusMessage",
				"avatarUrl", "createdAt");
		assertThat(body.path("userId").asString()).isEqualTo(user.id().toString());
		assertThat(body.path("email").asString()).isEqualTo(user.email());
		assertThat(body.path("displayName").asString()).isEqualTo("Alice");
		assertThat(body.path("statusMessage").asString()).isEmpty();
		assertThat(body.path("avatarUrl").isNull()).isTrue();
		assertThat(body.path("createdAt").asString()).matches(TIMESTAMP);
	}

	@Test
	void answersUserNotFoundForMyProfileBeforeItExists() {
		ApiClient.Response me = this.api.get("/api/users/me", TestTokens.accessToken(UUID.randomUUID()));
		assertProblem(me, 404, "USER_NOT_FOUND");
		ApiClient.Response patch = this.api.patch("/api/users/me", TestTokens.accessToken(UUID.randomUUID()),
				Map.of("displayName", "Ghost"));
		assertProblem(patch, 404, "USER_NOT_FOUND");
	}

	@Test
	void refusesCallsWithoutAValidToken() {
		assertProblem(this.api.get("/api/users/me", null), 401, "UNAUTHORIZED");
		assertProblem(this.api.patch("/api/users/me", null, Map.of("displayName", "X")), 401, "UNAUTHORIZED");
		assertProblem(this.api.get("/api/users/" + UUID.randomUUID(), null), 401, "UNAUTHORIZED");
		assertProblem(this.api.get("/api/users?q=a", null), 401, "UNAUTHORIZED");
		assertProblem(this.api.get("/api/users/me", "not-a-jwt"), 401, "UNAUTHORIZED");
		String expired = TestTokens.accessToken(UUID.randomUUID(), java.time.Instant.now().minusSeconds(600));
		assertProblem(this.api.get("/api/users/me", expired), 401, "UNAUTHORIZED");
	}

	@Test
	void updatesEveryFieldAndTrimsText() {
		TestUser user = createUser("Before");
		ApiClient.Response updated = this.api.patch("/api/users/me", user.token(), Map.of("displayName", "  민준 Kim  ",
				"statusMessage", " 오늘도 화이팅 ", "avatarUrl", "https://cdn.example.test/a/b.png?size=64"));
		assertThat(updated.status()).as(updated.toString()).isEqualTo(200);
		assertThat(updated.text("displayName")).isEqualTo("민준 Kim");
		assertThat(updated.text("statusMessage")).isEqualTo("오늘도 화이팅");
		assertThat(updated.text("avatarUrl")).isEqualTo("https://cdn.example.test/a/b.png?size=64");
		assertThat(updated.text("email")).isEqualTo(user.email());
		assertThat(updated.text("createdAt")).matches(TIMESTAMP);
		ApiClient.Response me = this.api.get("/api/users/me", user.token());
		assertThat(me.json()).isEqualTo(updated.json());
	}

	@Test
	void leavesAbsentFieldsAloneAndIgnoresUnknownOnes() {
		TestUser user = createUser("Keep");
		this.api.patch("/api/users/me", user.token(),
				Map.of("statusMessage", "busy", "avatarUrl", "http://img.example.test/x.jpg"));
		ApiClient.Response updated = this.api.patch("/api/users/me", user.token(), Map.of("statusMessage", "free",
				"email", "hijack@example.test", "userId", UUID.randomUUID().toString()));
		assertThat(updated.status()).as(updated.toString()).isEqualTo(200);
		assertThat(updated.text("displayName")).isEqualTo("Keep");
		assertThat(updated.text("statusMessage")).isEqualTo("free");
		assertThat(updated.text("avatarUrl")).isEqualTo("http://img.example.test/x.jpg");
		assertThat(updated.text("email")).isEqualTo(user.email());
		assertThat(updated.text("userId")).isEqualTo(user.id().toString());
	}

	@Test
	void treatsAnEmptyBodyAsNothingToChange() {
		TestUser user = createUser("Same");
		String before = this.api.get("/api/users/me", user.token()).body();
		ApiClient.Response emptyObject = this.api.patch("/api/users/me", user.token(), Map.of());
		assertThat(emptyObject.status()).as(emptyObject.toString()).isEqualTo(200);
		assertThat(emptyObject.body()).isEqualTo(before);
		ApiClient.Response noBody = this.api.patch("/api/users/me", user.token(), null);
		assertThat(noBody.status()).as(noBody.toString()).isEqualTo(200);
		assertThat(noBody.body()).isEqualTo(before);
	}

	@Test
	void clearsTheAvatarWithAnEmptyStringOrNull() {
		TestUser user = createUser("Avatar");
		this.api.patch("/api/users/me", user.token(), Map.of("avatarUrl", "https://example.test/1.png"));
		ApiClient.Response cleared = this.api.patch("/api/users/me", user.token(), Map.of("avatarUrl", ""));
		assertThat(cleared.json().path("avatarUrl").isNull()).as(cleared.toString()).isTrue();
		this.api.patch("/api/users/me", user.token(), Map.of("avatarUrl", "https://example.test/2.png"));
		ApiClient.Response nulled = this.api.patch("/api/users/me", user.token(),
				"{\"avatarUrl\":null,\"statusMessage\":null}");
		assertThat(nulled.status()).as(nulled.toString()).isEqualTo(200);
		assertThat(nulled.json().path("avatarUrl").isNull()).isTrue();
		assertThat(nulled.text("statusMessage")).isEmpty();
		assertThat(nulled.text("displayName")).isEqualTo("Avatar");
	}

	@Test
	void refusesInvalidEditsWithTheFieldNamed() {
		TestUser user = createUser("Valid");
		String token = user.token();
		assertValidationFailed(this.api.patch("/api/users/me", token, Map.of("displayName", "   ")), "displayName");
		assertValidationFailed(this.api.patch("/api/users/me", token, Map.of("displayName", "")), "displayName");
		assertValidationFailed(this.api.patch("/api/users/me", token, "{\"displayName\":null}"), "displayName");
		assertValidationFailed(this.api.patch("/api/users/me", token, Map.of("displayName", "x".repeat(41))),
				"displayName");
		assertValidationFailed(this.api.patch("/api/users/me", token, Map.of("displayName", "a\nb")), "displayName");
		assertValidationFailed(this.api.patch("/api/users/me", token, Map.of("statusMessage", "x".repeat(61))),
				"statusMessage");
		for (String url : new String[] { "not a url", "ftp://example.test/a.png", "javascript:alert(1)",
				"/relative.png", "https://", "https://example.test/" + "x".repeat(2030) }) {
			assertValidationFailed(this.api.patch("/api/users/me", token, Map.of("avatarUrl", url)), "avatarUrl");
		}
		ApiClient.Response me = this.api.get("/api/users/me", token);
		assertThat(me.text("displayName")).isEqualTo("Valid");
		assertThat(me.json().path("avatarUrl").isNull()).isTrue();
	}

	@Test
	void acceptsTheLongestAllowedValues() {
		TestUser user = createUser("Long");
		String url = "https://example.test/" + "x".repeat(2048 - 21);
		ApiClient.Response updated = this.api.patch("/api/users/me", user.token(),
				Map.of("displayName", "가".repeat(40), "statusMessage", "나".repeat(60), "avatarUrl", url));
		assertThat(updated.status()).as(updated.toString()).isEqualTo(200);
		assertThat(updated.text("avatarUrl")).hasSize(2048);
	}

	@Test
	void refusesMalformedJson() {
		TestUser user = createUser("Json");
		assertProblem(this.api.patch("/api/users/me", user.token(), "{\"displayName\":"), 400, "MALFORMED_REQUEST");
	}

	@Test
	void letsNobodyChangeAnotherUsersProfile() {
		TestUser alice = createUser("Alice");
		TestUser bob = createUser("Bob");
		ApiClient.Response own = this.api.patch("/api/users/me", alice.token(), Map.of("displayName", "Alice 2"));
		assertThat(own.text("userId")).isEqualTo(alice.id().toString());
		ApiClient.Response other = this.api.patch("/api/users/" + bob.id(), alice.token(),
				Map.of("displayName", "Pwned"));
		assertProblem(other, 405, "METHOD_NOT_ALLOWED");
		assertThat(this.api.get("/api/users/" + bob.id(), alice.token()).text("displayName")).isEqualTo("Bob");
	}

	@Test
	void showsAnotherUsersPublicProfileWithoutEmail() {
		TestUser viewer = createUser("Viewer");
		TestUser target = createUser("Target");
		this.api.patch("/api/users/me", target.token(), Map.of("statusMessage", "hi"));
		ApiClient.Response profile = this.api.get("/api/users/" + target.id(), viewer.token());
		assertThat(profile.status()).as(profile.toString()).isEqualTo(200);
		assertThat(profile.json().propertyNames()).containsExactlyInAnyOrder("userId", "displayName", "statusMessage",
				"avatarUrl");
		assertThat(profile.text("userId")).isEqualTo(target.id().toString());
		assertThat(profile.text("displayName")).isEqualTo("Target");
		assertThat(profile.text("statusMessage")).isEqualTo("hi");
	}

	@Test
	void answersUserNotFoundForUnknownAndMalformedIds() {
		TestUser viewer = createUser("Viewer");
		assertProblem(this.api.get("/api/users/" + UUID.randomUUID(), viewer.token()), 404, "USER_NOT_FOUND");
		assertProblem(this.api.get("/api/users/not-a-uuid", viewer.token()), 404, "USER_NOT_FOUND");
	}

}
