package com.cotalk.notification.push;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.spec.ECGenParameterSpec;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.HexFormat;
import java.util.UUID;

import io.jsonwebtoken.Jws;
import io.jsonwebtoken.Claims;
import io.jsonwebtoken.Jwts;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import com.cotalk.notification.push.LoopbackApns.Answer;
import com.cotalk.notification.push.LoopbackApns.Received;

class ApnsProviderTests {

	private static final String TEAM_ID = "TEAM123456";

	private static final String KEY_ID = "KEY7654321";

	private static final String TOPIC = "com.cotalk.app";

	@TempDir
	static Path directory;

	private static SelfSignedTls tls;

	private static LoopbackApns apns;

	private static KeyPair authKey;

	private final UUID roomId = UUID.randomUUID();

	private final MutableClock clock = new MutableClock(Instant.now());

	private ApnsProvider provider;

	@BeforeAll
	static void startApns() throws Exception {
		tls = new SelfSignedTls(directory);
		apns = new LoopbackApns(tls);
		KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
		generator.initialize(new ECGenParameterSpec("secp256r1"));
		authKey = generator.generateKeyPair();
	}

	@AfterAll
	static void stopApns() {
		apns.close();
	}

	@BeforeEach
	void createProvider() throws Exception {
		// the key as Apple hands it out: a .p8 file with a PKCS#8 PEM
		Path p8 = directory.resolve("AuthKey_" + KEY_ID + ".p8");
		Files.writeString(p8,
				"-----BEGIN PRIVATE KEY-----\n"
						+ Base64.getMimeEncoder().encodeToString(authKey.getPrivate().getEncoded())
						+ "\n-----END PRIVATE KEY-----\n");
		ApnsProviderToken token = new ApnsProviderToken(TEAM_ID, KEY_ID, PemKeys.readPkcs8(p8, "EC"), this.clock);
		HttpClient http = HttpClient.newBuilder()
			.version(HttpClient.Version.HTTP_2)
			.sslContext(tls.clientContext())
			.connectTimeout(Duration.ofSeconds(5))
			.build();
		this.provider = new ApnsProvider(token, TOPIC, URI.create(apns.baseUrl()), http, Duration.ofHours(1),
				Duration.ofSeconds(5), this.clock);
	}

	@Test
	void deliversAnAlertOverHttp2WithAProviderToken() throws Exception {
		String device = deviceToken();

		PushOutcome outcome = this.provider.send(target(device),
				new PushMessage(this.roomId, 42, "Minji", "See you at 7?"));

		assertThat(outcome).isEqualTo(new PushOutcome.Delivered());
		Received push = only(device);
		assertThat(push.version()).isEqualTo("HTTP/2.0");
		assertThat(push.method()).isEqualTo("POST");
		assertThat(push.uri()).isEqualTo("/3/device/" + device);
		assertThat(push.headers().get("apns-topic")).isEqualTo(TOPIC);
		assertThat(push.headers().get("apns-push-type")).isEqualTo("alert");
		assertThat(push.headers().get("apns-priority")).isEqualTo("10");
		assertThat(push.headers().get("apns-collapse-id")).isEqualTo(this.roomId.toString());
		assertThat(Long.parseLong(push.headers().get("apns-expiration")))
			.isEqualTo(this.clock.instant().plus(Duration.ofHours(1)).getEpochSecond());
		Jws<Claims> token = providerToken(push);
		assertThat(token.getHeader().getAlgorithm()).isEqualTo("ES256");
		assertThat(token.getHeader().getKeyId()).isEqualTo(KEY_ID);
		assertThat(token.getPayload().getIssuer()).isEqualTo(TEAM_ID);
		assertThat(token.getPayload().getIssuedAt().toInstant()).isBetween(this.clock.instant().minusSeconds(1),
				this.clock.instant());
		JsonNode body = JsonMapper.shared().readTree(push.body());
		assertThat(body.at("/aps/alert/title").asString()).isEqualTo("Minji");
		assertThat(body.at("/aps/alert/body").asString()).isEqualTo("See you at 7?");
		assertThat(body.at("/aps/sound").asString()).isEqualTo("default");
		assertThat(body.at("/aps/thread-id").asString()).isEqualTo(this.roomId.toString());
		assertThat(body.path("type").asString()).isEqualTo("message");
		assertThat(body.path("roomId").asString()).isEqualTo(this.roomId.toString());
		assertThat(body.path("seq").asLong()).isEqualTo(42);
	}

	@Test
	void reusesTheProviderTokenForFiftyMinutes() throws Exception {
		String device = deviceToken();

		this.provider.send(target(device), message());
		this.clock.advance(Duration.ofMinutes(49));
		this.provider.send(target(device), message());
		this.clock.advance(Duration.ofMinutes(2));
		this.provider.send(target(device), message());

		var authorizations = apns.received()
			.stream()
			.filter((push) -> push.uri().endsWith(device))
			.map((push) -> push.headers().get("authorization"))
			.toList();
		assertThat(authorizations).hasSize(3);
		assertThat(authorizations.get(1)).isEqualTo(authorizations.get(0));
		assertThat(authorizations.get(2)).isNotEqualTo(authorizations.get(1));
	}

	@Test
	void reportsTheDeviceGoneOnUnregisteredAndBadDeviceToken() {
		String unregistered = deviceToken();
		String bad = deviceToken();
		apns.answer(unregistered, new Answer(410, "Unregistered"));
		apns.answer(bad, new Answer(400, "BadDeviceToken"));

		assertThat(this.provider.send(target(unregistered), message())).isEqualTo(new PushOutcome.Gone("Unregistered"));
		assertThat(this.provider.send(target(bad), message())).isEqualTo(new PushOutcome.Gone("BadDeviceToken"));
	}

	@Test
	void makesANewProviderTokenWhenApnsCallsItExpired() throws Exception {
		String device = deviceToken();
		apns.answer(device, new Answer(403, "ExpiredProviderToken"));

		assertThat(this.provider.send(target(device), message())).isEqualTo(new PushOutcome.Delivered());

		var pushes = apns.received().stream().filter((push) -> push.uri().endsWith(device)).toList();
		assertThat(pushes).hasSize(2);
		assertThat(pushes.get(1).headers().get("authorization"))
			.isNotEqualTo(pushes.get(0).headers().get("authorization"));
		assertThat(providerToken(pushes.get(1)).getPayload().getIssuer()).isEqualTo(TEAM_ID);
	}

	@Test
	void retriesWhenApnsIsBusy() {
		String throttled = deviceToken();
		String unavailable = deviceToken();
		apns.answer(throttled, new Answer(429, "TooManyRequests"));
		apns.answer(unavailable, new Answer(503, "ServiceUnavailable"));

		assertThat(this.provider.send(target(throttled), message()))
			.isEqualTo(new PushOutcome.Retry("TooManyRequests", null));
		assertThat(this.provider.send(target(unavailable), message()))
			.isEqualTo(new PushOutcome.Retry("ServiceUnavailable", null));
	}

	@Test
	void failsWithoutRetryOnOtherErrors() {
		String badTopic = deviceToken();
		String invalidKey = deviceToken();
		apns.answer(badTopic, new Answer(400, "DeviceTokenNotForTopic"));
		apns.answer(invalidKey, new Answer(403, "InvalidProviderToken"));

		assertThat(this.provider.send(target(badTopic), message()))
			.isEqualTo(new PushOutcome.Failed("DeviceTokenNotForTopic"));
		assertThat(this.provider.send(target(invalidKey), message()))
			.isEqualTo(new PushOutcome.Failed("InvalidProviderToken"));
	}

	@Test
	void neverPutsAMalformedTokenIntoThePath() {
		int before = apns.received().size();

		assertThat(this.provider.send(target("../../1/admin"), message())).isInstanceOf(PushOutcome.Gone.class);
		assertThat(apns.received()).hasSize(before);
	}

	private static Jws<Claims> providerToken(Received push) {
		String authorization = push.headers().get("authorization");
		assertThat(authorization).startsWith("bearer ");
		return Jwts.parser().verifyWith(authKey.getPublic()).build().parseSignedClaims(authorization.substring(7));
	}

	private static Received only(String device) {
		var pushes = apns.received().stream().filter((push) -> push.uri().endsWith(device)).toList();
		assertThat(pushes).hasSize(1);
		return pushes.getFirst();
	}

	private static String deviceToken() {
		byte[] token = new byte[32];
		new SecureRandom().nextBytes(token);
		return HexFormat.of().formatHex(token);
	}

	private static PushTarget target(String deviceToken) {
		return PushTarget.apns("iphone-1", UUID.randomUUID(), deviceToken);
	}

	private PushMessage message() {
		return new PushMessage(this.roomId, 1, "Minji", "hello");
	}

	static final class MutableClock extends Clock {

		private Instant now;

		MutableClock(Instant now) {
			this.now = now;
		}

		void advance(Duration duration) {
			this.now = this.now.plus(duration);
		}

		@Override
		public Instant instant() {
			return this.now;
		}

		@Override
		public ZoneOffset getZone() {
			return ZoneOffset.UTC;
		}

		@Override
		public Clock withZone(java.time.ZoneId zone) {
			return this;
		}

	}

}
