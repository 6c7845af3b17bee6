package com.cotalk.user.profile;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.cotalk.testsupport.ApiClient;
import com.cotalk.testsupport.TestTokens;

import tools.jackson.databind.JsonNode;

class UserServiceApplicationTests extends ApiTestSupport {

	@Test
	void reportsReadinessWithoutAToken() {
		assertThat(this.api.get("/actuator/health/readiness", null).text("status")).isEqualTo("UP");
		assertThat(this.api.get("/actuator/health/liveness", null).text("status")).isEqualTo("UP");
	}

	@Test
	void answersUnknownPathsWithAProblem() {
		assertProblem(this.api.get("/api/nothing-here", TestTokens.accessToken(UUID.randomUUID())), 404, "NOT_FOUND");
	}

	@Test
	void describesTheUserApiInOpenApi() {
		ApiClient.Response docs = this.api.get("/v3/api-docs", null);
		assertThat(docs.status()).as(docs.toString()).isEqualTo(200);
		JsonNode paths = docs.json().path("paths");
		assertThat(paths.propertyNames()).contains("/api/users/me", "/api/users/{userId}", "/api/users",
				"/internal/users/{userId}", "/internal/users");
		assertThat(paths.path("/api/users/me").propertyNames()).contains("get", "patch");
		// the caller comes from the token, never from a parameter
		assertThat(paths.path("/api/users/me").path("get").path("parameters").size()).isZero();
		assertThat(paths.path("/api/users")
			.path("get")
			.path("parameters")
			.valueStream()
			.map((parameter) -> parameter.path("name").asString())).containsExactlyInAnyOrder("q", "limit");
	}

}
