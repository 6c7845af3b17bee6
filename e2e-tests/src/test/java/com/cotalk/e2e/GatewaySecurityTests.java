package com.cotalk.e2e;

import static com.cotalk.e2e.AccountJourneyTests.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.Map;
import java.util.UUID;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.cotalk.testsupport.ApiClient;

import io.jsonwebtoken.Jwts;

/**
 * Tokens and headers an attacker could send, refused at the gateway and by the services
 * behind it.
 */
class GatewaySecurityTests {

	static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();

	static ApiClient api;

	static Users.LoggedIn alice;

	static Users.LoggedIn bob;

	@BeforeAll
	static void users() {
		api = new ApiClient(E2eStack.gatewayUrl());
		alice = Users.signUpAndLogIn(api, "Alice");
		bob = Users.signUpAndLogIn(api, "Bob");
		assertThat(Users.awaitProfile(api, alice.accessToken()).status()).isEqualTo(200);
		assertThat(Users.awaitProfile(api, bob.accessToken()).status()).isEqualTo(200);
	}

	@Test
	void refusesRequestsWithoutAToken() {
		assertProblem(api.get("/api/users/me", null), 401, "UNAUTHORIZED");
	}

	@Test
	void acceptsATokenSignedWithTheRealKeySoTheRefusalsBelowMeanSomething() {
		String token = signed(alice.userId(), "cotalk", "cotalk-api", Instant.now().plusSeconds(300));
		assertThat(api.get("/api/users/me", token).text("userId")).isEqualTo(alice.userId());
	}

	@Test
	void refusesAnUnsignedToken() {
		String header = B64.encodeToString("{\"alg\":\"none\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8));
		String token = header + "." + payload(alice.userId()) + ".";
		assertProblem(api.get("/api/users/me", token), 401, "UNAUTHORIZED");
	}

	@Test
	void refusesHs256SignedWithThePublicKey() throws Exception {
		String header = B64.encodeToString(("{\"alg\":\"HS256\",\"typ\":\"JWT\",\"kid\":\"" + E2eStack.KID + "\"}")
			.getBytes(StandardCharsets.UTF_8));
		String signingInput = header + "." + payload(alice.userId());
		Mac mac = Mac.getInstance("HmacSHA256");
		mac.init(new SecretKeySpec(E2eStack.SIGNING_KEYS.getPublic().getEncoded(), "HmacSHA256"));
		String token = signingInput + "."
				+ B64.encodeToString(mac.doFinal(signingInput.getBytes(StandardCharsets.UTF_8)));
		assertProblem(api.get("/api/users/me", token), 401, "UNAUTHORIZED");
	}

	@Test
	void refusesATokenWhoseClaimsWereChanged() {
		String[] parts = alice.accessToken().split("\\.");
		String tampered = parts[0] + "." + payload(bob.userId()) + "." + parts[2];
		assertProblem(api.get("/api/users/me", tampered), 401, "UNAUTHORIZED");
	}

	@Test
	void refusesExpiredTokensAndTokensForAnotherIssuerOrAudience() {
		assertProblem(
				api.get("/api/users/me",
						signed(alice.userId(), "cotalk", "cotalk-api", Instant.now().minus(Duration.ofMinutes(5)))),
				401, "UNAUTHORIZED");
		assertProblem(
				api.get("/api/users/me",
						signed(alice.userId(), "someone-else", "cotalk-api", Instant.now().plusSeconds(300))),
				401, "UNAUTHORIZED");
		assertProblem(
				api.get("/api/users/me",
						signed(alice.userId(), "cotalk", "another-api", Instant.now().plusSeconds(300))),
				401, "UNAUTHORIZED");
	}

	@Test
	void ignoresAClientSentUserIdHeader() {
		var me = api.send("GET", "/api/users/me", alice.accessToken(), null,
				Map.of("X-User-Id", bob.userId(), "X-Internal-Token", "guess"));
		assertThat(me.status()).isEqualTo(200);
		assertThat(me.text("userId")).isEqualTo(alice.userId());
	}

	@Test
	void neverRoutesInternalApis() {
		assertProblem(api.get("/internal/users?ids=" + alice.userId(), alice.accessToken()), 404, "NOT_FOUND");
		var withToken = api.send("GET", "/internal/users?ids=" + alice.userId(), null, null,
				Map.of("X-Internal-Token", "e2e-internal-token-0123456789"));
		assertThat(withToken.status()).isEqualTo(404);
		assertThat(
				api.get("/api/users/%2e%2e/%2e%2e/internal/users?ids=" + alice.userId(), alice.accessToken()).status())
			.isEqualTo(404);
	}

	@Test
	void answersUnknownPathsWithProblemJson() {
		assertProblem(api.get("/api/nothing-here", alice.accessToken()), 404, "NOT_FOUND");
	}

	@Test
	void tagsEveryResponseWithACorrelationId() {
		var response = api.get("/api/users/me", alice.accessToken());
		assertThat(response.header("X-Correlation-Id")).isNotBlank();
		var kept = api.send("GET", "/api/users/me", alice.accessToken(), null, Map.of("X-Correlation-Id", "trace-123"));
		assertThat(kept.header("X-Correlation-Id")).isEqualTo("trace-123");
	}

	static String payload(String subject) {
		long now = Instant.now().getEpochSecond();
		String json = "{\"sub\":\"" + subject + "\",\"iss\":\"cotalk\",\"aud\":[\"cotalk-api\"],\"iat\":" + now
				+ ",\"exp\":" + (now + 600) + ",\"jti\":\"" + UUID.randomUUID() + "\"}";
		return B64.encodeToString(json.getBytes(StandardCharsets.UTF_8));
	}

	static String signed(String subject, String issuer, String audience, Instant expiresAt) {
		return Jwts.builder()
			.header()
			.keyId(E2eStack.KID)
			.and()
			.subject(subject)
			.issuer(issuer)
			.audience()
			.add(audience)
			.and()
			.issuedAt(Date.from(Instant.now().minus(Duration.ofMinutes(10))))
			.expiration(Date.from(expiresAt))
			.id(UUID.randomUUID().toString())
			.signWith(E2eStack.SIGNING_KEYS.getPrivate(), Jwts.SIG.RS256)
			.compact();
	}

}
