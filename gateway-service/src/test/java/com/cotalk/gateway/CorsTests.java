package com.cotalk.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.cotalk.testsupport.ApiClient;

/**
 * A browser client on an allowed origin can call the API; others are refused by the
 * browser's own checks.
 */
class CorsTests extends GatewayTestBase {

	static final String APP = "https://app.example.com";

	ApiClient.Response preflight(String origin, String method) {
		return api().send("OPTIONS", "/api/users/me", null, null, Map.of("Origin", origin,
				"Access-Control-Request-Method", method, "Access-Control-Request-Headers", "authorization"));
	}

	@Test
	void answersPreflightsFromAnAllowedOriginWithoutAToken() {
		ApiClient.Response response = preflight(APP, "PATCH");
		assertThat(response.status()).isEqualTo(200);
		assertThat(response.header("Access-Control-Allow-Origin")).isEqualTo(APP);
		assertThat(response.header("Access-Control-Allow-Methods")).contains("PATCH");
		assertThat(response.header("Access-Control-Allow-Credentials")).isNull();
	}

	@Test
	void refusesPreflightsFromOtherOrigins() {
		ApiClient.Response response = preflight("https://evil.example.net", "GET");
		assertThat(response.status()).isEqualTo(403);
		assertThat(response.header("Access-Control-Allow-Origin")).isNull();
	}

	@Test
	void marksActualResponsesForTheAllowedOrigin() {
		ApiClient.Response response = api().send("GET", "/api/users/me", TestKeys.token(UUID.randomUUID()), null,
				Map.of("Origin", APP));
		assertThat(response.status()).isEqualTo(200);
		assertThat(response.header("Access-Control-Allow-Origin")).isEqualTo(APP);
		assertThat(response.header("Access-Control-Expose-Headers")).contains("X-Correlation-Id");
	}

}
