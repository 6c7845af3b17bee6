package com.cotalk.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Map;
import java.util.UUID;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import com.cotalk.testsupport.ApiClient;

import tools.jackson.databind.JsonNode;

class AuthenticationTests extends GatewayTestBase {

	private static final Map<String, String> SPOOFED = Map.of("X-User-Id", "someone-else", "X-Internal-Token",
			"guessed-internal-token", "X-Client-Ip", "10.9.8.7", "X-Forwarded-For", "10.9.8.6");

	@Test
	void passesVerifiedIdentityDownstreamAndDropsClientClaims() {
		UUID userId = UUID.randomUUID();
		String token = TestKeys.token(userId);
		ApiClient.Response response = api().send("GET", "/api/users/me", token, null, SPOOFED);
		assertThat(response.status()).as(response.toString()).isEqualTo(200);
		JsonNode headers = response.json().path("headers");
		assertThat(headers.path("x-user-id").asString()).isEqualTo(userId.toString());
		assertThat(headers.path("x-client-ip").asString()).isEqualTo("127.0.0.1");
		assertThat(headers.has("x-internal-token")).isFalse();
		assertThat(headers.path("authorization").asString()).isEqualTo("Bearer " + token);
	}

	@ParameterizedTest
	@CsvSource({ "POST, /api/auth/signup", "POST, /api/auth/login", "POST, /api/auth/refresh", "POST, /api/auth/logout",
			"GET, /api/auth/jwks" })
	void letsPublicAuthCallsThroughWithoutTokenOrClientIdentity(String method, String path) {
		Object body = method.equals("POST") ? Map.of("email", "a@b.c") : null;
		ApiClient.Response response = api().send(method, path, null, body, SPOOFED);
		assertThat(response.status()).as(response.toString()).isEqualTo(200);
		assertThat(response.text("service")).isEqualTo("auth");
		JsonNode headers = response.json().path("headers");
		assertThat(headers.has("x-user-id")).isFalse();
		assertThat(headers.has("x-internal-token")).isFalse();
		assertThat(headers.path("x-client-ip").asString()).isEqualTo("127.0.0.1");
	}

	@Test
	void ignoresAStaleTokenOnPublicCalls() {
		String expired = TestKeys.PRIMARY.sign(UUID.randomUUID(),
				(jwt) -> jwt.expiration(Date.from(Instant.now().minus(Duration.ofHours(1)))));
		ApiClient.Response response = api().post("/api/auth/refresh", expired, Map.of("refreshToken", "r"));
		assertThat(response.status()).as(response.toString()).isEqualTo(200);
		assertThat(response.json().path("headers").has("x-user-id")).isFalse();
	}

	@Test
	void refusesRequestsWithoutToken() {
		assertUnauthorized(api().get("/api/users/me", null));
		assertUnauthorized(api().get("/api/auth/sessions", null));
		assertUnauthorized(api().send("GET", "/api/users/me", null, null, Map.of("Authorization", "Basic YTpi")));
		assertUnauthorized(api().get("/api/users/me", "not-a-jwt"));
	}

	@Test
	void refusesUnsignedToken() {
		String header = TestKeys.base64Url("{\"alg\":\"none\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8));
		String token = header + "." + payloadOf(TestKeys.token(UUID.randomUUID())) + ".";
		assertUnauthorized(api().get("/api/users/me", token));
	}

	@Test
	void refusesHmacTokenKeyedWithThePublicKey() throws GeneralSecurityException {
		String header = TestKeys
			.base64Url(("{\"alg\":\"HS256\",\"typ\":\"JWT\",\"kid\":\"" + TestKeys.PRIMARY.kid() + "\"}")
				.getBytes(StandardCharsets.UTF_8));
		String signingInput = header + "." + payloadOf(TestKeys.token(UUID.randomUUID()));
		Mac mac = Mac.getInstance("HmacSHA256");
		mac.init(new SecretKeySpec(TestKeys.PRIMARY.pair().getPublic().getEncoded(), "HmacSHA256"));
		String token = signingInput + "."
				+ TestKeys.base64Url(mac.doFinal(signingInput.getBytes(StandardCharsets.US_ASCII)));
		assertUnauthorized(api().get("/api/users/me", token));
	}

	@Test
	void refusesTokenWhosePayloadWasChanged() {
		String[] genuine = TestKeys.token(UUID.randomUUID()).split("\\.");
		String otherPayload = payloadOf(TestKeys.token(UUID.randomUUID()));
		assertUnauthorized(api().get("/api/users/me", genuine[0] + "." + otherPayload + "." + genuine[2]));
	}

	@Test
	void refusesExpiredToken() {
		// Beyond the 60 s clock skew the validator allows.
		assertUnauthorized(api().get("/api/users/me", TestKeys.PRIMARY.sign(UUID.randomUUID(),
				(jwt) -> jwt.expiration(Date.from(Instant.now().minus(Duration.ofMinutes(2)))))));
	}

	@Test
	void refusesTokenFromAnotherIssuerOrForAnotherAudience() {
		assertUnauthorized(api().get("/api/users/me",
				TestKeys.PRIMARY.sign(UUID.randomUUID(), (jwt) -> jwt.issuer("someone-else"))));
		assertUnauthorized(api().get("/api/users/me",
				TestKeys.PRIMARY.sign(UUID.randomUUID(), (jwt) -> jwt.audience().single("another-api"))));
	}

	@Test
	void refusesTokenWithoutSubject() {
		assertUnauthorized(
				api().get("/api/users/me", TestKeys.PRIMARY.sign(UUID.randomUUID(), (jwt) -> jwt.subject(null))));
	}

	@Test
	void refusesTokenSignedWithAnUnpublishedKey() {
		assertUnauthorized(api().get("/api/users/me",
				TestKeys.Key.generate("not-published-" + UUID.randomUUID()).sign(UUID.randomUUID())));
		// Same kid as the trusted key, but another key: the signature does not verify.
		assertUnauthorized(
				api().get("/api/users/me", TestKeys.Key.generate(TestKeys.PRIMARY.kid()).sign(UUID.randomUUID())));
	}

	static void assertUnauthorized(ApiClient.Response response) {
		assertThat(response.status()).as(response.toString()).isEqualTo(401);
		assertThat(response.contentType()).startsWith("application/problem+json");
		assertThat(response.header("WWW-Authenticate")).isEqualTo("Bearer");
		assertThat(response.text("code")).isEqualTo("UNAUTHORIZED");
		assertThat(response.header("X-Correlation-Id")).isNotBlank();
	}

	private static String payloadOf(String token) {
		return token.split("\\.")[1];
	}

}
