package com.cotalk.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.spec.RSAPublicKeySpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.cotalk.testsupport.ApiClient;
import com.cotalk.testsupport.ApiClient.Response;

import io.jsonwebtoken.Claims;
import io.jsonwebtoken.Jws;
import io.jsonwebtoken.Jwts;
import tools.jackson.databind.JsonNode;

@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = {
		"cotalk.auth.user-service-url=http://127.0.0.1:9", "cotalk.auth.login-throttle.per-ip-attempts=12" })
class AuthApiTests {

	@LocalServerPort
	int port;

	ApiClient api() {
		return new ApiClient("http://127.0.0.1:" + this.port);
	}

	static String newEmail() {
		return "user-" + UUID.randomUUID() + "@example.com";
	}

	Response signUp(String email, String password) {
		return api().post("/api/auth/signup", null,
				Map.of("email", email, "password", password, "displayName", "Kim Minjun"));
	}

	/**
	 * Each call comes from its own client address, so that the per-IP limit of one test
	 * does not hit another.
	 */
	Response login(String email, String password) {
		return login(email, password, "10.1." + (int) (Math.random() * 250) + "." + (int) (Math.random() * 250));
	}

	Response login(String email, String password, String clientIp) {
		return api().send("POST", "/api/auth/login", null, Map.of("email", email, "password", password),
				Map.of("X-Client-Ip", clientIp));
	}

	@Test
	void signUpReturnsTheNewAccount() {
		String email = newEmail();
		Response response = signUp(email, "correct horse battery");
		assertThat(response.status()).isEqualTo(201);
		assertThat(response.text("email")).isEqualTo(email);
		assertThat(response.text("displayName")).isEqualTo("Kim Minjun");
		assertThat(UUID.fromString(response.text("userId")).version()).isEqualTo(7);
	}

	@Test
	void refusesASecondAccountForTheSameEmailWhateverItsCase() {
		String email = newEmail();
		signUp(email, "correct horse battery");
		Response again = signUp(email.toUpperCase(), "another password");
		assertThat(again.status()).isEqualTo(409);
		assertThat(again.contentType()).startsWith("application/problem+json");
		assertThat(again.text("code")).isEqualTo("EMAIL_TAKEN");
	}

	@Test
	void rejectsInvalidSignUpsFieldByField() {
		Response response = api().post("/api/auth/signup", null,
				Map.of("email", "not-an-email", "password", "short", "displayName", ""));
		assertThat(response.status()).isEqualTo(400);
		assertThat(response.text("code")).isEqualTo("VALIDATION_FAILED");
		assertThat(response.json().path("errors").valueStream().map((e) -> e.path("field").asString()))
			.contains("email", "password", "displayName");
		Response longName = api().post("/api/auth/signup", null,
				Map.of("email", newEmail(), "password", "long enough", "displayName", "x".repeat(41)));
		assertThat(longName.text("code")).isEqualTo("VALIDATION_FAILED");
	}

	@Test
	void rejectsPasswordsOverSeventyTwoBytesInsteadOfTruncatingThem() {
		String korean = "가".repeat(25); // 25 characters, 75 bytes
		Response tooLong = signUp(newEmail(), korean);
		assertThat(tooLong.status()).isEqualTo(400);
		assertThat(tooLong.json().path("errors").get(0).path("field").asString()).isEqualTo("password");

		String email = newEmail();
		String exactly72 = "p".repeat(72);
		assertThat(signUp(email, exactly72).status()).isEqualTo(201);
		assertThat(login(email, exactly72).status()).isEqualTo(200);
		// bcrypt would accept this if the input were truncated to 72 bytes
		assertThat(login(email, exactly72 + "x").text("code")).isEqualTo("BAD_CREDENTIALS");
	}

	@Test
	void loginIssuesAnRs256AccessTokenVerifiableWithThePublishedJwks() throws Exception {
		String email = newEmail();
		String userId = signUp(email, "correct horse battery").text("userId");
		Response login = login(email.toUpperCase(), "correct horse battery");
		assertThat(login.status()).isEqualTo(200);
		assertThat(login.text("tokenType")).isEqualTo("Bearer");
		assertThat(login.json().path("expiresIn").asInt()).isEqualTo(900);
		assertThat(login.text("userId")).isEqualTo(userId);
		assertThat(login.text("refreshToken")).hasSizeGreaterThanOrEqualTo(40);

		Response jwks = api().get("/api/auth/jwks", null);
		JsonNode key = jwks.json().path("keys").get(0);
		Jws<Claims> jws = Jwts.parser().verifyWith(publicKey(key)).build().parseSignedClaims(login.text("accessToken"));
		assertThat(jws.getHeader().getAlgorithm()).isEqualTo("RS256");
		assertThat(jws.getHeader().getKeyId()).isEqualTo(key.path("kid").asString());
		Claims claims = jws.getPayload();
		assertThat(claims.getSubject()).isEqualTo(userId);
		assertThat(claims.getIssuer()).isEqualTo("cotalk");
		assertThat(claims.getAudience()).containsExactly("cotalk-api");
		assertThat(claims.getId()).isNotBlank();
		assertThat(claims.getExpiration().getTime() - claims.getIssuedAt().getTime()).isEqualTo(900_000);
	}

	@Test
	void answersUnknownEmailAndWrongPasswordTheSameWay() {
		String email = newEmail();
		signUp(email, "correct horse battery");
		Response wrongPassword = login(email, "wrong password");
		Response unknownEmail = login(newEmail(), "correct horse battery");
		assertThat(wrongPassword.status()).isEqualTo(401);
		assertThat(unknownEmail.status()).isEqualTo(401);
		assertThat(wrongPassword.body()).isEqualTo(unknownEmail.body());
		assertThat(wrongPassword.text("code")).isEqualTo("BAD_CREDENTIALS");
	}

	@Test
	void refreshRotatesTheTokenAndReuseRevokesTheWholeFamily() {
		String email = newEmail();
		signUp(email, "correct horse battery");
		String first = login(email, "correct horse battery").text("refreshToken");

		Response rotated = api().post("/api/auth/refresh", null, Map.of("refreshToken", first));
		assertThat(rotated.status()).isEqualTo(200);
		String second = rotated.text("refreshToken");
		assertThat(second).isNotEqualTo(first);
		assertThat(rotated.text("accessToken")).isNotBlank();

		Response reused = api().post("/api/auth/refresh", null, Map.of("refreshToken", first));
		assertThat(reused.status()).isEqualTo(401);
		assertThat(reused.text("code")).isEqualTo("UNAUTHORIZED");
		// the thief and the owner alike are logged out: the newest token of the family
		// stops working too
		assertThat(api().post("/api/auth/refresh", null, Map.of("refreshToken", second)).status()).isEqualTo(401);
	}

	@Test
	void logoutEndsTheSessionAndOtherSessionsLiveOn() {
		String email = newEmail();
		signUp(email, "correct horse battery");
		String phone = login(email, "correct horse battery").text("refreshToken");
		String laptop = login(email, "correct horse battery").text("refreshToken");
		assertThat(api().post("/api/auth/logout", null, Map.of("refreshToken", phone)).status()).isEqualTo(204);
		assertThat(api().post("/api/auth/refresh", null, Map.of("refreshToken", phone)).status()).isEqualTo(401);
		assertThat(api().post("/api/auth/refresh", null, Map.of("refreshToken", laptop)).status()).isEqualTo(200);
		assertThat(api().post("/api/auth/logout", null, Map.of("refreshToken", "unknown")).status()).isEqualTo(204);
	}

	@Test
	void refusesUnknownRefreshTokens() {
		Response response = api().post("/api/auth/refresh", null, Map.of("refreshToken", "made-up"));
		assertThat(response.status()).isEqualTo(401);
		assertThat(api().post("/api/auth/refresh", null, Map.of()).text("code")).isEqualTo("VALIDATION_FAILED");
	}

	@Test
	void throttlesRepeatedFailuresOnOneAccountFromOneAddress() {
		String email = newEmail();
		String guesser = randomAddress();
		signUp(email, "correct horse battery");
		for (int i = 0; i < 5; i++) {
			assertThat(login(email, "guess " + i, guesser).status()).isEqualTo(401);
		}
		Response blocked = login(email, "correct horse battery", guesser);
		assertThat(blocked.status()).isEqualTo(429);
		assertThat(blocked.text("code")).isEqualTo("RATE_LIMITED");
		assertThat(Long.parseLong(blocked.header("Retry-After"))).isBetween(1L, 900L);
	}

	@Test
	void aGuesserElsewhereDoesNotLockTheOwnerOut() {
		String email = newEmail();
		String guesser = randomAddress();
		signUp(email, "correct horse battery");
		for (int i = 0; i < 6; i++) {
			login(email, "guess " + i, guesser);
		}
		assertThat(login(email, "guess", guesser).status()).isEqualTo(429);
		assertThat(login(email, "correct horse battery", randomAddress()).status()).as("the owner, at home")
			.isEqualTo(200);
	}

	@Test
	void parallelGuessesAreCountedBeforeThePasswordIsChecked() throws Exception {
		String email = newEmail();
		String guesser = randomAddress();
		signUp(email, "correct horse battery");
		List<CompletableFuture<Response>> guesses = new ArrayList<>();
		try (ExecutorService pool = Executors.newFixedThreadPool(10)) {
			for (int i = 0; i < 10; i++) {
				String guess = "guess " + i;
				guesses.add(CompletableFuture.supplyAsync(() -> login(email, guess, guesser), pool));
			}
			List<Integer> statuses = guesses.stream().map(CompletableFuture::join).map(Response::status).toList();
			assertThat(statuses).as("at most 5 guesses reach the password check")
				.filteredOn((s) -> s == 401)
				.hasSizeLessThanOrEqualTo(5);
			assertThat(statuses).containsOnly(401, 429);
		}
	}

	private static String randomAddress() {
		return "10.2." + (int) (Math.random() * 250) + "." + (int) (Math.random() * 250);
	}

	@Test
	void throttlesManyAttemptsFromOneAddress() {
		String ip = "10.9." + (int) (Math.random() * 250) + "." + (int) (Math.random() * 250);
		for (int i = 0; i < 12; i++) {
			assertThat(login(newEmail(), "whatever", ip).status()).isEqualTo(401);
		}
		Response blocked = login(newEmail(), "whatever", ip);
		assertThat(blocked.status()).isEqualTo(429);
		assertThat(blocked.header("Retry-After")).isNotNull();
	}

	@Test
	void malformedJsonIsAProblemWithoutInternals() {
		Response response = api().post("/api/auth/login", null, "{\"email\": ");
		assertThat(response.status()).isEqualTo(400);
		assertThat(response.contentType()).startsWith("application/problem+json");
		assertThat(response.text("code")).isEqualTo("MALFORMED_REQUEST");
		assertThat(response.body()).doesNotContain("Exception", "jackson", "at com.");
	}

	static PublicKey publicKey(JsonNode jwk) throws Exception {
		Base64.Decoder decoder = Base64.getUrlDecoder();
		BigInteger n = new BigInteger(1, decoder.decode(jwk.path("n").asString()));
		BigInteger e = new BigInteger(1, decoder.decode(jwk.path("e").asString()));
		return KeyFactory.getInstance("RSA").generatePublic(new RSAPublicKeySpec(n, e));
	}

}
