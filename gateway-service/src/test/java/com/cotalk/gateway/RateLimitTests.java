package com.cotalk.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;

import com.cotalk.testsupport.ApiClient;

/**
 * Tiny buckets and this run's own key prefix. Every request here comes from 127.0.0.1, so
 * each test starts by waiting until the address bucket is full again (8 tokens at 10/s);
 * user buckets are per test through fresh user ids.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "cotalk.gateway.rate-limit.key-prefix=gateway-test-rl:${random.uuid}",
				"cotalk.gateway.rate-limit.ip.per-second=10", "cotalk.gateway.rate-limit.ip.burst=8",
				"cotalk.gateway.rate-limit.user.per-second=0.2", "cotalk.gateway.rate-limit.user.burst=3",
				"cotalk.gateway.rate-limit.auth.per-second=0.2", "cotalk.gateway.rate-limit.auth.burst=2" })
class RateLimitTests extends GatewayTestBase {

	@BeforeEach
	void letTheAddressBucketRefill() throws InterruptedException {
		Thread.sleep(1000);
	}

	@Test
	void limitsEachUserToTheirBurst() {
		String token = TestKeys.token(UUID.randomUUID());
		for (int i = 0; i < 3; i++) {
			assertThat(api().get("/api/users/me", token).status()).isEqualTo(200);
		}
		assertRateLimited(api().get("/api/users/me", token), 5);
		assertThat(api().get("/api/users/me", TestKeys.token(UUID.randomUUID())).status())
			.as("another user has their own bucket")
			.isEqualTo(200);
	}

	@Test
	void limitsAuthCallsPerAddressMoreTightly() {
		for (int i = 0; i < 2; i++) {
			assertThat(api().post("/api/auth/login", null, Map.of("email", "a@b.c")).status()).isEqualTo(200);
		}
		assertRateLimited(api().post("/api/auth/login", null, Map.of("email", "a@b.c")), 5);
		assertThat(api().get("/api/users/me", TestKeys.token(UUID.randomUUID())).status())
			.as("other paths are not affected")
			.isEqualTo(200);
	}

	@Test
	void limitsEachAddressEvenBeforeAuthentication() {
		List<Integer> statuses = new ArrayList<>();
		ApiClient.Response limited = null;
		for (int i = 0; i < 20 && limited == null; i++) {
			ApiClient.Response response = api().get("/api/users/me", null);
			statuses.add(response.status());
			limited = (response.status() == 429) ? response : null;
		}
		assertThat(statuses.subList(0, 8)).as(statuses.toString()).containsOnly(401);
		assertThat(limited).as(statuses.toString()).isNotNull();
		assertRateLimited(limited, 1);
		assertThat(api().get("/actuator/health/readiness", null).status()).as("probes are exempt").isEqualTo(200);
	}

	private static void assertRateLimited(ApiClient.Response response, long maxRetryAfterSeconds) {
		assertThat(response.status()).as(response.toString()).isEqualTo(429);
		assertThat(response.contentType()).startsWith("application/problem+json");
		assertThat(response.text("code")).isEqualTo("RATE_LIMITED");
		assertThat(Long.parseLong(response.header("Retry-After"))).isBetween(1L, maxRetryAfterSeconds);
	}

}
