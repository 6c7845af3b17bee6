package com.cotalk.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import com.cotalk.testsupport.ApiClient;

class PathGuardTests extends GatewayTestBase {

	@ParameterizedTest
	@ValueSource(strings = { "/internal/users", "/internal/users/me", "/api/users/../internal/x",
			"/api/users/%2e%2e/internal/x", "/api/users/%2E%2E/internal/x", "/api/users/.%2e/x",
			"/api/users/..%2finternal", "/api/users/%2Fx", "/api/users/%5c..%5cx", "/api/users/%252e%252e/x",
			"/api/users/./me", "/api/users/internal/x", "/api/users/INTERNAL", "/api/users/internal;v=1/x",
			"/api/rooms/r1/messages/..", "/api/users/me%00" })
	void answersSuspiciousPathsWith404BeforeAnythingElse(String rawPath) {
		ApiClient.Response withToken = RawHttp.get(this.port, rawPath, TestKeys.token(UUID.randomUUID()));
		assertThat(withToken.status()).as(rawPath + " -> " + withToken).isEqualTo(404);
		assertThat(withToken.contentType()).startsWith("application/problem+json");
		assertThat(withToken.text("code")).isEqualTo("NOT_FOUND");

		ApiClient.Response withoutToken = RawHttp.send(this.port, "GET " + rawPath + " HTTP/1.1");
		assertThat(withoutToken.status()).as("no token: " + rawPath).isEqualTo(404);
	}

	@ParameterizedTest
	@ValueSource(strings = { "/api/users/me", "/api/users/internalized", "/api/rooms/0193c6e2-7f/messages",
			"/api/users/a.b", "/api/users/%20x" })
	void forwardsOrdinaryPathsUnchanged(String rawPath) {
		ApiClient.Response response = RawHttp.get(this.port, rawPath, TestKeys.token(UUID.randomUUID()));
		assertThat(response.status()).as(rawPath + " -> " + response).isEqualTo(200);
		assertThat(response.text("path")).isEqualTo(rawPath);
	}

	@ParameterizedTest
	@ValueSource(strings = { "/api/users/%3B", "/api/users/%27%3B+DROP+TABLE", "/api/rooms/%0D%0A%09",
			"/api/rooms//messages" })
	void answersUrlsTheFirewallRefusesWithAProblem(String rawPath) {
		ApiClient.Response response = RawHttp.get(this.port, rawPath, TestKeys.token(UUID.randomUUID()));
		assertThat(response.status()).as(rawPath + " -> " + response).isEqualTo(400);
		assertThat(response.contentType()).startsWith("application/problem+json");
		assertThat(response.text("code")).isEqualTo("MALFORMED_REQUEST");
	}

}
