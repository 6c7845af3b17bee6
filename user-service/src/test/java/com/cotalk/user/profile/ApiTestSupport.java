package com.cotalk.user.profile;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import org.junit.jupiter.api.BeforeEach;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.cotalk.common.Headers;
import com.cotalk.testsupport.ApiClient;
import com.cotalk.testsupport.InfrastructureContextCustomizerFactory;
import com.cotalk.testsupport.TestTokens;

/**
 * The running service on a random port against the shared test database. Every test makes
 * its own users with random ids, emails and names, so tests run in any order and again
 * and again against the same database.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
abstract class ApiTestSupport {

	static final Map<String, String> INTERNAL = Map.of(Headers.INTERNAL_TOKEN,
			InfrastructureContextCustomizerFactory.INTERNAL_TOKEN);

	@LocalServerPort
	int port;

	ApiClient api;

	@BeforeEach
	void connect() {
		this.api = new ApiClient("http://127.0.0.1:" + this.port);
	}

	/**
	 * A user whose profile exists, created the way the auth-service does it at sign-up.
	 */
	TestUser createUser(String displayName) {
		UUID id = UUID.randomUUID();
		String email = "user-" + id + "@example.test";
		ApiClient.Response created = createProfile(id, email, displayName);
		assertThat(created.status()).as(created.toString()).isEqualTo(201);
		return new TestUser(id, email, TestTokens.accessToken(id));
	}

	ApiClient.Response createProfile(UUID id, String email, String displayName) {
		return this.api.send("PUT", "/internal/users/" + id, null, Map.of("email", email, "displayName", displayName),
				INTERNAL);
	}

	ApiClient.Response getInternal(String path) {
		return this.api.send("GET", path, null, null, INTERNAL);
	}

	static void assertProblem(ApiClient.Response response, int status, String code) {
		assertThat(response.status()).as(response.toString()).isEqualTo(status);
		assertThat(response.contentType()).startsWith("application/problem+json");
		assertThat(response.text("code")).isEqualTo(code);
		assertThat(response.json().path("status").asInt()).isEqualTo(status);
		assertThat(response.text("type")).isNotBlank();
		assertThat(response.text("title")).isNotBlank();
	}

	static void assertValidationFailed(ApiClient.Response response, String field) {
		assertProblem(response, 400, "VALIDATION_FAILED");
		assertThat(response.json().path("errors").valueStream().map((error) -> error.path("field").asString()))
			.as(response.toString())
			.contains(field);
	}

	/** Letters no other test run shares, so searches find exactly this test's users. */
	static String uniqueWord() {
		StringBuilder word = new StringBuilder();
		for (int i = 0; i < 10; i++) {
			word.append((char) ('a' + ThreadLocalRandom.current().nextInt(26)));
		}
		return word.toString();
	}

	/** Random Hangul syllables, for Korean names no other test run shares. */
	static String uniqueHangul(int length) {
		StringBuilder word = new StringBuilder();
		for (int i = 0; i < length; i++) {
			word.append((char) (0xAC00 + ThreadLocalRandom.current().nextInt(11172)));
		}
		return word.toString();
	}

	record TestUser(UUID id, String email, String token) {
	}

}
