package com.cotalk.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.cotalk.testsupport.ApiClient;
import com.cotalk.testsupport.ApiClient.Response;

/** What a new user does first, through the gateway, against the real services. */
class AccountJourneyTests {

	final ApiClient api = new ApiClient(E2eStack.gatewayUrl());

	@Test
	void signsUpLogsInAndManagesTheProfile() {
		Users.LoggedIn user = Users.signUpAndLogIn(this.api, "김민준");

		Response me = Users.awaitProfile(this.api, user.accessToken());
		assertThat(me.status()).as(me.toString()).isEqualTo(200);
		assertThat(me.text("userId")).isEqualTo(user.userId());
		assertThat(me.text("email")).isEqualTo(user.email());
		assertThat(me.text("displayName")).isEqualTo("김민준");
		assertThat(me.text("createdAt")).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z");

		Response updated = this.api.patch("/api/users/me", user.accessToken(),
				Map.of("statusMessage", "오늘도 화이팅", "avatarUrl", "https://cdn.example.com/a.png"));
		assertThat(updated.status()).as(updated.toString()).isEqualTo(200);
		assertThat(updated.text("statusMessage")).isEqualTo("오늘도 화이팅");

		Users.LoggedIn other = Users.signUpAndLogIn(this.api, "Lee Seoyeon");
		Response seen = this.api.get("/api/users/" + user.userId(), other.accessToken());
		assertThat(seen.status()).isEqualTo(200);
		assertThat(seen.text("displayName")).isEqualTo("김민준");
		assertThat(seen.text("avatarUrl")).isEqualTo("https://cdn.example.com/a.png");
		assertThat(seen.json().has("email")).isFalse();

		Response found = this.api.get("/api/users?q=" + user.email(), other.accessToken());
		assertThat(found.json().path("items").valueStream().map((p) -> p.path("userId").asString()))
			.contains(user.userId());
	}

	@Test
	void answersEveryAuthAndUserErrorAsProblemJson() {
		Users.LoggedIn user = Users.signUpAndLogIn(this.api, "Park Jiho");

		Response taken = this.api.post("/api/auth/signup", null,
				Map.of("email", user.email(), "password", "another password", "displayName", "Again"));
		assertProblem(taken, 409, "EMAIL_TAKEN");

		Response invalid = this.api.post("/api/auth/signup", null,
				Map.of("email", "nope", "password", "x".repeat(73), "displayName", ""));
		assertProblem(invalid, 400, "VALIDATION_FAILED");
		assertThat(invalid.json().path("errors").valueStream().map((e) -> e.path("field").asString())).contains("email",
				"password", "displayName");

		assertProblem(this.api.post("/api/auth/login", null, Map.of("email", user.email(), "password", "wrong pw")),
				401, "BAD_CREDENTIALS");
		assertProblem(this.api.get("/api/users/" + UUID.randomUUID(), user.accessToken()), 404, "USER_NOT_FOUND");
		assertProblem(this.api.patch("/api/users/me", user.accessToken(), Map.of("displayName", "")), 400,
				"VALIDATION_FAILED");
	}

	@Test
	void rotatesRefreshTokensAndRevokesAFamilyOnReuse() {
		Users.LoggedIn user = Users.signUpAndLogIn(this.api, "Choi Yuna");
		Response rotated = this.api.post("/api/auth/refresh", null, Map.of("refreshToken", user.refreshToken()));
		assertThat(rotated.status()).isEqualTo(200);
		assertThat(rotated.text("tokenType")).isEqualTo("Bearer");
		assertThat(this.api.get("/api/users/me", rotated.text("accessToken")).status()).isIn(200, 404);

		assertProblem(this.api.post("/api/auth/refresh", null, Map.of("refreshToken", user.refreshToken())), 401,
				"UNAUTHORIZED");
		assertThat(
				this.api.post("/api/auth/refresh", null, Map.of("refreshToken", rotated.text("refreshToken"))).status())
			.isEqualTo(401);
	}

	@Test
	void logoutEndsTheRefreshToken() {
		Users.LoggedIn user = Users.signUpAndLogIn(this.api, "Jung Hana");
		assertThat(this.api.post("/api/auth/logout", null, Map.of("refreshToken", user.refreshToken())).status())
			.isEqualTo(204);
		assertProblem(this.api.post("/api/auth/refresh", null, Map.of("refreshToken", user.refreshToken())), 401,
				"UNAUTHORIZED");
	}

	@Test
	void publishesTheJwksWithoutAToken() {
		Response jwks = this.api.get("/api/auth/jwks", null);
		assertThat(jwks.status()).isEqualTo(200);
		assertThat(jwks.json().path("keys").get(0).path("kid").asString()).isEqualTo(E2eStack.KID);
	}

	static void assertProblem(Response response, int status, String code) {
		assertThat(response.status()).as(response.toString()).isEqualTo(status);
		assertThat(response.contentType()).startsWith("application/problem+json");
		assertThat(response.text("code")).isEqualTo(code);
		assertThat(response.json().path("status").asInt()).isEqualTo(status);
		assertThat(response.body()).doesNotContain("Exception", "localhost", "SQL");
	}

}
