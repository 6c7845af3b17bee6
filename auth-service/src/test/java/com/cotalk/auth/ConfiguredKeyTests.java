package com.cotalk.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.cotalk.testsupport.ApiClient;

import io.jsonwebtoken.Jwts;
import tools.jackson.databind.JsonNode;

/**
 * A key from configuration signs the tokens; the previous key stays in the JWKS while its
 * tokens are alive.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = "cotalk.auth.user-service-url=http://127.0.0.1:9")
class ConfiguredKeyTests {

	static final KeyPair current = generate();

	static final KeyPair previous = generate();

	@LocalServerPort
	int port;

	@DynamicPropertySource
	static void keys(DynamicPropertyRegistry registry) {
		registry.add("cotalk.auth.jwt.key-id", () -> "prod-2");
		registry.add("cotalk.auth.jwt.private-key", () -> pem("PRIVATE KEY", current.getPrivate().getEncoded()));
		registry.add("cotalk.auth.jwt.previous-public-keys[0].key-id", () -> "prod-1");
		registry.add("cotalk.auth.jwt.previous-public-keys[0].public-key",
				() -> pem("PUBLIC KEY", previous.getPublic().getEncoded()));
	}

	@Test
	void signsWithTheConfiguredKeyAndPublishesThePreviousOne() {
		ApiClient api = new ApiClient("http://127.0.0.1:" + this.port);
		JsonNode keys = api.get("/api/auth/jwks", null).json().path("keys");
		assertThat(keys.valueStream().map((key) -> key.path("kid").asString())).containsExactly("prod-2", "prod-1");
		assertThat(keys.valueStream().map((key) -> key.path("d").isMissingNode())).containsOnly(true);

		String email = "key-" + UUID.randomUUID() + "@example.com";
		api.post("/api/auth/signup", null, Map.of("email", email, "password", "correct horse", "displayName", "Key"));
		String token = api.post("/api/auth/login", null, Map.of("email", email, "password", "correct horse"))
			.text("accessToken");
		var jws = Jwts.parser().verifyWith(current.getPublic()).build().parseSignedClaims(token);
		assertThat(jws.getHeader().getKeyId()).isEqualTo("prod-2");
	}

	static String pem(String type, byte[] der) {
		return "-----BEGIN " + type + "-----\n" + Base64.getMimeEncoder().encodeToString(der) + "\n-----END " + type
				+ "-----\n";
	}

	static KeyPair generate() {
		try {
			KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
			generator.initialize(2048);
			return generator.generateKeyPair();
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

}
