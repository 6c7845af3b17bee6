package com.cotalk.gateway;

import java.util.List;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ContextCustomizerFactories;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.cotalk.testsupport.ApiClient;

/**
 * One gateway for most tests: every service is an {@link EchoServers} echo, tokens come
 * from {@link TestKeys}, the rate limits are out of the way (RateLimitTests has its own)
 * and their keys are this run's own.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "cotalk.gateway.rate-limit.key-prefix=gateway-test:${random.uuid}",
				"cotalk.gateway.rate-limit.ip.per-second=10000", "cotalk.gateway.rate-limit.ip.burst=10000",
				"cotalk.gateway.rate-limit.auth.per-second=10000", "cotalk.gateway.rate-limit.auth.burst=10000",
				"cotalk.security.jwt.jwks-min-refetch-interval=1s",
				"cotalk.gateway.cors.allowed-origins=https://app.example.com" })
@ContextCustomizerFactories(TestJwksCustomizerFactory.class)
abstract class GatewayTestBase {

	static final List<String> SERVICES = List.of("auth", "user", "friend", "chat", "message", "notification");

	@LocalServerPort
	int port;

	@DynamicPropertySource
	static void downstreams(DynamicPropertyRegistry registry) {
		for (String service : SERVICES) {
			registry.add("cotalk.gateway.services." + service, () -> EchoServers.url(service));
		}
	}

	ApiClient api() {
		return new ApiClient("http://127.0.0.1:" + this.port);
	}

}
