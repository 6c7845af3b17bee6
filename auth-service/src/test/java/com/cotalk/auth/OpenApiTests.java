package com.cotalk.auth;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.cotalk.testsupport.ApiClient;

@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = {
		"cotalk.auth.user-service-url=http://127.0.0.1:9", "cotalk.auth.login-throttle.per-ip-attempts=12" })
class OpenApiTests {

	@LocalServerPort
	int port;

	@Test
	void publishesEveryAuthEndpoint() {
		var doc = new ApiClient("http://127.0.0.1:" + this.port).get("/v3/api-docs", null);
		assertThat(doc.status()).isEqualTo(200);
		assertThat(doc.json().path("paths").propertyNames()).contains("/api/auth/signup", "/api/auth/login",
				"/api/auth/refresh", "/api/auth/logout", "/api/auth/jwks");
	}

}
