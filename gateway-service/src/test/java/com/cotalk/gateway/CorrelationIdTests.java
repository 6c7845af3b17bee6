package com.cotalk.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.cotalk.testsupport.ApiClient;

class CorrelationIdTests extends GatewayTestBase {

	@Test
	void makesACorrelationIdSendsItDownstreamAndEchoesIt() {
		ApiClient.Response response = api().get("/api/users/me", TestKeys.token(UUID.randomUUID()));
		String id = response.header("X-Correlation-Id");
		assertThat(id).isNotBlank();
		assertThat(response.json().path("headers").path("x-correlation-id").asString()).isEqualTo(id);
	}

	@Test
	void keepsAWellFormedClientId() {
		ApiClient.Response response = api().send("GET", "/api/users/me", TestKeys.token(UUID.randomUUID()), null,
				Map.of("X-Correlation-Id", "client-req.42_a"));
		assertThat(response.header("X-Correlation-Id")).isEqualTo("client-req.42_a");
		assertThat(response.json().path("headers").path("x-correlation-id").asString()).isEqualTo("client-req.42_a");
	}

	@Test
	void takesTheIngressRequestIdWhenTheClientSentNoCorrelationId() {
		ApiClient.Response response = api().send("GET", "/api/users/me", TestKeys.token(UUID.randomUUID()), null,
				Map.of("X-Request-Id", "5f0e3c1b9a7d4e2f8c6b1a0d9e8f7a6b"));
		assertThat(response.header("X-Correlation-Id")).isEqualTo("5f0e3c1b9a7d4e2f8c6b1a0d9e8f7a6b");
		assertThat(response.json().path("headers").path("x-correlation-id").asString())
			.isEqualTo("5f0e3c1b9a7d4e2f8c6b1a0d9e8f7a6b");

		ApiClient.Response both = api().send("GET", "/api/users/me", TestKeys.token(UUID.randomUUID()), null,
				Map.of("X-Request-Id", "from-ingress", "X-Correlation-Id", "from-client"));
		assertThat(both.header("X-Correlation-Id")).isEqualTo("from-client");
	}

	@Test
	void replacesAMalformedClientId() {
		ApiClient.Response response = api().send("GET", "/api/users/me", TestKeys.token(UUID.randomUUID()), null,
				Map.of("X-Correlation-Id", "<script>" + "x".repeat(80)));
		String id = response.header("X-Correlation-Id");
		assertThat(id).isNotBlank().doesNotContain("<script>");
		assertThat(response.json().path("headers").path("x-correlation-id").asString()).isEqualTo(id);
	}

	@Test
	void echoesTheIdOnTheGatewaysOwnErrors() {
		ApiClient.Response unauthorized = api().send("GET", "/api/users/me", null, null,
				Map.of("X-Correlation-Id", "abc-401"));
		assertThat(unauthorized.status()).isEqualTo(401);
		assertThat(unauthorized.header("X-Correlation-Id")).isEqualTo("abc-401");
		ApiClient.Response notFound = api().send("GET", "/nowhere", TestKeys.token(UUID.randomUUID()), null,
				Map.of("X-Correlation-Id", "abc-404"));
		assertThat(notFound.status()).isEqualTo(404);
		assertThat(notFound.header("X-Correlation-Id")).isEqualTo("abc-404");
	}

}
