package com.cotalk.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

/**
 * The JWKS is cached, fetched again for an unknown key id at most once per interval (3 s
 * here, so that the requests meant to fall within it do on a busy machine), so keys
 * rotate.
 */
@TestPropertySource(properties = "cotalk.security.jwt.jwks-min-refetch-interval=3s")
class JwksRefreshTests extends GatewayTestBase {

	@Test
	void picksUpANewSigningKeyWithoutRefetchingForEveryUnknownKid() throws InterruptedException {
		assertThat(api().get("/api/users/me", TestKeys.token(UUID.randomUUID())).status()).isEqualTo(200);
		Thread.sleep(3100);
		int before = TestKeys.jwksFetches();

		TestKeys.Key rotated = TestKeys.Key.generate("gateway-test-rotated-" + UUID.randomUUID());
		String tokenWithNewKey = rotated.sign(UUID.randomUUID());
		assertThat(api().get("/api/users/me", tokenWithNewKey).status()).isEqualTo(401);
		assertThat(TestKeys.jwksFetches()).isEqualTo(before + 1);

		TestKeys.publish(rotated);
		for (int i = 0; i < 5; i++) {
			String madeUp = TestKeys.Key.generate("made-up-" + i).sign(UUID.randomUUID());
			assertThat(api().get("/api/users/me", madeUp).status()).isEqualTo(401);
		}
		assertThat(TestKeys.jwksFetches()).as("unknown kids within the interval cost no fetch").isEqualTo(before + 1);

		Thread.sleep(3100);
		assertThat(api().get("/api/users/me", tokenWithNewKey).status()).isEqualTo(200);
		assertThat(TestKeys.jwksFetches()).isEqualTo(before + 2);
		// Known keys are served from the cache.
		assertThat(api().get("/api/users/me", TestKeys.token(UUID.randomUUID())).status()).isEqualTo(200);
		assertThat(api().get("/api/users/me", tokenWithNewKey).status()).isEqualTo(200);
		assertThat(TestKeys.jwksFetches()).isEqualTo(before + 2);
	}

}
