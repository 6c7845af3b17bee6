package com.cotalk.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import com.cotalk.testsupport.ApiClient;

/** Signs up and logs in fresh users through the gateway. */
final class Users {

	record LoggedIn(String userId, String email, String password, String accessToken, String refreshToken) {
	}

	private Users() {
	}

	static String newEmail() {
		return "e2e-" + UUID.randomUUID() + "@example.com";
	}

	static LoggedIn signUpAndLogIn(ApiClient api, String displayName) {
		String email = newEmail();
		String password = "pw-" + UUID.randomUUID();
		var signUp = api.post("/api/auth/signup", null,
				Map.of("email", email, "password", password, "displayName", displayName));
		assertThat(signUp.status()).as(signUp.toString()).isEqualTo(201);
		var login = api.post("/api/auth/login", null, Map.of("email", email, "password", password));
		assertThat(login.status()).as(login.toString()).isEqualTo(200);
		return new LoggedIn(signUp.text("userId"), email, password, login.text("accessToken"),
				login.text("refreshToken"));
	}

	/**
	 * The profile is created by auth-service's outbox right after sign-up; give it a
	 * moment.
	 */
	static ApiClient.Response awaitProfile(ApiClient api, String accessToken) {
		Instant deadline = Instant.now().plus(Duration.ofSeconds(10));
		ApiClient.Response me = api.get("/api/users/me", accessToken);
		while (me.status() == 404 && Instant.now().isBefore(deadline)) {
			sleep();
			me = api.get("/api/users/me", accessToken);
		}
		return me;
	}

	private static void sleep() {
		try {
			Thread.sleep(100);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
