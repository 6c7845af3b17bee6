package com.cotalk.notification.push;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import com.cotalk.notification.push.LoopbackFcm.Answer;

class FcmProviderTests {

	@TempDir
	Path directory;

	private final UUID roomId = UUID.randomUUID();

	private LoopbackFcm fcm;

	private FcmProvider provider;

	@BeforeEach
	void startFcm() throws Exception {
		KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
		generator.initialize(2048);
		KeyPair account = generator.generateKeyPair();
		this.fcm = new LoopbackFcm(account.getPublic());
		// a service account file as the Firebase console hands it out, its token_uri on
		// loopback
		Map<String, String> json = new LinkedHashMap<>();
		json.put("type", "service_account");
		json.put("project_id", LoopbackFcm.PROJECT);
		json.put("private_key_id", "key-1");
		json.put("private_key",
				"-----BEGIN PRIVATE KEY-----\n"
						+ Base64.getMimeEncoder().encodeToString(account.getPrivate().getEncoded())
						+ "\n-----END PRIVATE KEY-----\n");
		json.put("client_email", LoopbackFcm.CLIENT_EMAIL);
		json.put("client_id", "1234567890");
		json.put("token_uri", this.fcm.tokenUri());
		Path file = this.directory.resolve("service-account.json");
		Files.writeString(file, JsonMapper.shared().writeValueAsString(json));
		this.provider = FcmProvider.fromServiceAccount(file, URI.create(this.fcm.baseUrl()),
				PushHttp.client(Duration.ofSeconds(5), HttpClient.Version.HTTP_2), Duration.ofHours(1),
				Duration.ofSeconds(5));
	}

	@AfterEach
	void stopFcm() {
		this.fcm.close();
	}

	@Test
	void sendsANotificationWithTheServiceAccountsAccessToken() {
		PushOutcome outcome = this.provider.send(target("android-token-1"),
				new PushMessage(this.roomId, 42, "Minji", "See you at 7?"));

		assertThat(outcome).isEqualTo(new PushOutcome.Delivered());
		assertThat(this.fcm.tokensIssued()).isOne();
		JsonNode message = this.fcm.messages().getFirst();
		assertThat(message.path("token").asString()).isEqualTo("android-token-1");
		assertThat(message.at("/notification/title").asString()).isEqualTo("Minji");
		assertThat(message.at("/notification/body").asString()).isEqualTo("See you at 7?");
		assertThat(message.at("/data/type").asString()).isEqualTo("message");
		assertThat(message.at("/data/roomId").asString()).isEqualTo(this.roomId.toString());
		assertThat(message.at("/data/seq").isString()).as("FCM data values are strings").isTrue();
		assertThat(message.at("/data/seq").asString()).isEqualTo("42");
		assertThat(message.at("/android/priority").asString()).isEqualTo("HIGH");
		assertThat(message.at("/android/collapse_key").asString()).isEqualTo(this.roomId.toString());
		assertThat(message.at("/android/ttl").asString()).isEqualTo("3600s");
	}

	@Test
	void reusesTheAccessTokenWhileItIsValid() {
		for (int i = 1; i <= 3; i++) {
			assertThat(this.provider.send(target("android-token-1"), message())).isEqualTo(new PushOutcome.Delivered());
		}

		assertThat(this.fcm.tokensIssued()).isOne();
		assertThat(this.fcm.messages()).hasSize(3);
	}

	@Test
	void getsANewAccessTokenWhenFcmRefusesTheOldOne() {
		this.provider.send(target("android-token-1"), message());
		this.fcm.revokeAccessTokens();

		assertThat(this.provider.send(target("android-token-1"), message())).isEqualTo(new PushOutcome.Delivered());
		assertThat(this.fcm.tokensIssued()).isEqualTo(2);
	}

	@Test
	void reportsUnregisteredTokensGone() {
		this.fcm.answer("uninstalled", new Answer(404, "NOT_FOUND", "UNREGISTERED", Map.of()));

		assertThat(this.provider.send(target("uninstalled"), message()))
			.isEqualTo(new PushOutcome.Gone("UNREGISTERED"));
	}

	@Test
	void retriesWhenFcmIsOverloadedHonouringRetryAfter() {
		this.fcm.answer("busy", new Answer(503, "UNAVAILABLE", "UNAVAILABLE", Map.of("Retry-After", "30")));
		this.fcm.answer("quota", new Answer(429, "RESOURCE_EXHAUSTED", "QUOTA_EXCEEDED", Map.of()));

		assertThat(this.provider.send(target("busy"), message()))
			.isEqualTo(new PushOutcome.Retry("UNAVAILABLE", Duration.ofSeconds(30)));
		assertThat(this.provider.send(target("quota"), message()))
			.isEqualTo(new PushOutcome.Retry("QUOTA_EXCEEDED", null));
	}

	@Test
	void failsWithoutRetryOnABadRequest() {
		this.fcm.answer("malformed", new Answer(400, "INVALID_ARGUMENT", "INVALID_ARGUMENT", Map.of()));
		this.fcm.answer("apns-broken", new Answer(401, "UNAUTHENTICATED", "THIRD_PARTY_AUTH_ERROR", Map.of()));

		assertThat(this.provider.send(target("malformed"), message()))
			.isEqualTo(new PushOutcome.Failed("INVALID_ARGUMENT"));
		assertThat(this.provider.send(target("apns-broken"), message()))
			.isEqualTo(new PushOutcome.Failed("THIRD_PARTY_AUTH_ERROR"));
		assertThat(this.fcm.tokensIssued()).isOne();
	}

	private static PushTarget target(String token) {
		return PushTarget.fcm("pixel-1", UUID.randomUUID(), token);
	}

	private PushMessage message() {
		return new PushMessage(this.roomId, 1, "Minji", "hello");
	}

}
