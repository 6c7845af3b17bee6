package com.cotalk.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

import com.cotalk.testsupport.ApiClient;

/**
 * Behind a trusted proxy (here: the test client's own address) the client's address is
 * the rightmost {@code X-Forwarded-For} entry that is not a trusted proxy: whatever a
 * client puts in the header itself is never taken.
 */
@TestPropertySource(properties = "cotalk.gateway.trusted-proxies=127.0.0.1/32,10.20.0.0/16")
class TrustedProxyTests extends GatewayTestBase {

	@Test
	void takesTheAddressTheTrustedProxyAppended() {
		assertThat(clientIp("203.0.113.7")).isEqualTo("203.0.113.7");
	}

	@Test
	void ignoresWhatTheClientWroteInFrontOfIt() {
		assertThat(clientIp("6.6.6.6, 203.0.113.7")).isEqualTo("203.0.113.7");
		assertThat(clientIp("6.6.6.6, 203.0.113.7, 10.20.3.4")).as("through two trusted proxies")
			.isEqualTo("203.0.113.7");
	}

	@Test
	void fallsBackToThePeerWhenTheHeaderIsMissingOrBroken() {
		assertThat(clientIp(null)).isEqualTo("127.0.0.1");
		assertThat(clientIp("not-an-address")).isEqualTo("127.0.0.1");
	}

	private String clientIp(String forwardedFor) {
		Map<String, String> headers = (forwardedFor != null) ? Map.of("X-Forwarded-For", forwardedFor) : Map.of();
		ApiClient.Response response = api().send("POST", "/api/auth/login", null, Map.of("email", "a@b.c"), headers);
		assertThat(response.status()).as(response.toString()).isEqualTo(200);
		return response.json().path("headers").path("x-client-ip").asString();
	}

}
