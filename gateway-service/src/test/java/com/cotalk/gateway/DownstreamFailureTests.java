package com.cotalk.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.cotalk.testsupport.ApiClient;
import com.cotalk.testsupport.TestInfrastructure;
import com.cotalk.testsupport.TestTokens;

/**
 * A service that is down and one that is too slow; tokens from test-support's shared
 * issuer.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "cotalk.gateway.rate-limit.key-prefix=gateway-test-down:${random.uuid}",
				"spring.cloud.gateway.server.webflux.httpclient.response-timeout=1s" })
class DownstreamFailureTests {

	private static final int DEAD_PORT = TestInfrastructure.freePort();

	@LocalServerPort
	int port;

	@DynamicPropertySource
	static void downstreams(DynamicPropertyRegistry registry) {
		registry.add("cotalk.gateway.services.user", () -> "http://127.0.0.1:" + DEAD_PORT);
		registry.add("cotalk.gateway.services.friend", () -> EchoServers.url("friend"));
		registry.add("cotalk.gateway.services.chat", () -> "http://127.0.0.1:" + DEAD_PORT);
	}

	@Test
	void answers503WithoutInternalsWhenAServiceIsDown() {
		ApiClient.Response response = api().get("/api/users/me", TestTokens.accessToken(UUID.randomUUID()));
		assertUnavailable(response, 503);
	}

	@Test
	void answers503WhenNoInstanceOfABalancedServiceIsUp() {
		ApiClient.Response response = api().get("/api/rooms", TestTokens.accessToken(UUID.randomUUID()));
		assertUnavailable(response, 503);
	}

	@Test
	void answers504WhenAServiceIsTooSlow() {
		ApiClient.Response response = api().get("/api/friends/slow", TestTokens.accessToken(UUID.randomUUID()));
		assertUnavailable(response, 504);
		assertThat(api().get("/api/friends", TestTokens.accessToken(UUID.randomUUID())).status()).isEqualTo(200);
	}

	private ApiClient api() {
		return new ApiClient("http://127.0.0.1:" + this.port);
	}

	private static void assertUnavailable(ApiClient.Response response, int status) {
		assertThat(response.status()).as(response.toString()).isEqualTo(status);
		assertThat(response.contentType()).startsWith("application/problem+json");
		assertThat(response.text("code")).isEqualTo("SERVICE_UNAVAILABLE");
		assertThat(response.body()).doesNotContain("127.0.0.1", Integer.toString(DEAD_PORT), "localhost", "Exception",
				"refused", "Connection", "route");
		assertThat(response.header("X-Correlation-Id")).isNotBlank();
	}

}
