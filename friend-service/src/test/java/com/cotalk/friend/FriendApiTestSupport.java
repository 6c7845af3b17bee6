package com.cotalk.friend;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.cotalk.common.Headers;
import com.cotalk.testsupport.ApiClient;
import com.cotalk.testsupport.InfrastructureContextCustomizerFactory;
import com.cotalk.testsupport.TestTokens;

/**
 * The running service on a random port against the shared test database and Redis, with
 * user-service played by {@link FakeUserService}. All API tests share this one context.
 * Every test makes its own users with random ids, so tests run in any order and again and
 * again against the same database.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
public abstract class FriendApiTestSupport {

	static final String TIMESTAMP = "\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.\\d{3}Z";

	static final Map<String, String> INTERNAL = Map.of(Headers.INTERNAL_TOKEN,
			InfrastructureContextCustomizerFactory.INTERNAL_TOKEN);

	static final FakeUserService userService = new FakeUserService();

	@LocalServerPort
	int port;

	protected ApiClient api;

	@DynamicPropertySource
	static void userServiceUrl(DynamicPropertyRegistry registry) {
		registry.add("cotalk.friend.user-service-url", userService::url);
	}

	@BeforeEach
	void connect() {
		this.api = new ApiClient("http://127.0.0.1:" + this.port);
	}

	@AfterEach
	void userServiceBackUp() {
		userService.setDown(false);
	}

	/** A user user-service knows. */
	protected TestUser user(String displayName) {
		UUID id = UUID.randomUUID();
		userService.register(id, displayName);
		return new TestUser(id, TestTokens.accessToken(id));
	}

	ApiClient.Response sendRequest(TestUser from, TestUser to) {
		return this.api.post("/api/friends/requests", from.token(), Map.of("userId", to.id().toString()));
	}

	ApiClient.Response accept(TestUser recipient, String requestId) {
		return this.api.post("/api/friends/requests/" + requestId + "/accept", recipient.token(), null);
	}

	void makeFriends(TestUser one, TestUser other) {
		ApiClient.Response sent = sendRequest(one, other);
		assertThat(sent.status()).as(sent.toString()).isEqualTo(201);
		assertThat(accept(other, sent.text("requestId")).status()).isEqualTo(200);
	}

	ApiClient.Response friends(TestUser user) {
		ApiClient.Response list = this.api.get("/api/friends", user.token());
		assertThat(list.status()).as(list.toString()).isEqualTo(200);
		return list;
	}

	List<String> friendIds(TestUser user) {
		return friends(user).json().path("items").valueStream().map((f) -> f.path("userId").asString()).toList();
	}

	List<String> friendNames(TestUser user) {
		return friends(user).json().path("items").valueStream().map((f) -> f.path("displayName").asString()).toList();
	}

	List<String> requestIds(TestUser user, String box) {
		ApiClient.Response list = this.api.get("/api/friends/requests?box=" + box, user.token());
		assertThat(list.status()).as(list.toString()).isEqualTo(200);
		return list.json().path("items").valueStream().map((r) -> r.path("requestId").asString()).toList();
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

	protected record TestUser(UUID id, String token) {
	}

}
