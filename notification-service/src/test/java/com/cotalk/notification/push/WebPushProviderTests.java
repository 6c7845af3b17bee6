package com.cotalk.notification.push;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpClient;
import java.security.interfaces.ECPublicKey;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.interaso.webpush.VapidKeys;
import io.jsonwebtoken.Claims;
import io.jsonwebtoken.Jwts;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import com.cotalk.testsupport.push.LoopbackWebPushService;
import com.cotalk.testsupport.push.LoopbackWebPushService.Received;
import com.cotalk.testsupport.push.WebPushSubscriber;

class WebPushProviderTests {

	private static final Pattern VAPID = Pattern.compile("vapid t=([^,\\s]+),\\s*k=([A-Za-z0-9_-]+)");

	private final VapidKeys vapidKeys = VapidKeys.generate();

	private final UUID roomId = UUID.randomUUID();

	private LoopbackWebPushService pushService;

	private WebPushSubscriber subscriber;

	@BeforeEach
	void startPushService() throws Exception {
		this.pushService = new LoopbackWebPushService();
		this.subscriber = new WebPushSubscriber();
	}

	@AfterEach
	void stopPushService() {
		this.pushService.close();
	}

	@Test
	void deliversAPayloadOnlyTheSubscriptionCanDecrypt() throws Exception {
		PushOutcome outcome = provider(true).send(target("sub-1"),
				new PushMessage(this.roomId, 42, "Minji", "See you at 7?"));

		assertThat(outcome).isEqualTo(new PushOutcome.Delivered());
		assertThat(this.pushService.received()).hasSize(1);
		Received push = this.pushService.received().getFirst();
		assertThat(push.method()).isEqualTo("POST");
		assertThat(push.header("Content-Encoding")).isEqualTo("aes128gcm");
		assertThat(push.header("TTL")).isEqualTo("3600");
		assertThat(push.header("Urgency")).isEqualTo("high");
		assertThat(push.header("Topic")).matches("[A-Za-z0-9_-]{1,32}");
		assertVapid(push.header("Authorization"));
		JsonNode payload = JsonMapper.shared().readTree(this.subscriber.decrypt(push.body()));
		assertThat(payload.path("type").asString()).isEqualTo("message");
		assertThat(payload.path("roomId").asString()).isEqualTo(this.roomId.toString());
		assertThat(payload.path("seq").isNumber()).isTrue();
		assertThat(payload.path("seq").asLong()).isEqualTo(42);
		assertThat(payload.path("title").asString()).isEqualTo("Minji");
		assertThat(payload.path("body").asString()).isEqualTo("See you at 7?");
	}

	@Test
	void pushesOfOneRoomShareATopicSoTheyFold() {
		WebPushProvider provider = provider(true);
		provider.send(target("sub-1"), new PushMessage(this.roomId, 1, "Minji", "one"));
		provider.send(target("sub-1"), new PushMessage(this.roomId, 2, "Minji", "two"));
		provider.send(target("sub-1"), new PushMessage(UUID.randomUUID(), 1, "Jisoo", "other room"));

		assertThat(this.pushService.received()).extracting((push) -> push.header("Topic"))
			.satisfies((topics) -> assertThat(topics.get(0)).isEqualTo(topics.get(1)).isNotEqualTo(topics.get(2)));
	}

	@Test
	void reportsTheSubscriptionGoneOn404And410() {
		this.pushService.answer("expired", 410, Map.of());
		this.pushService.answer("unknown", 404, Map.of());

		assertThat(provider(true).send(target("expired"), message())).isInstanceOf(PushOutcome.Gone.class);
		assertThat(provider(true).send(target("unknown"), message())).isInstanceOf(PushOutcome.Gone.class);
	}

	@Test
	void retriesOnOverloadHonouringRetryAfter() {
		this.pushService.answer("busy", 503, Map.of("Retry-After", "120"));
		this.pushService.answer("throttled", 429, Map.of());

		assertThat(provider(true).send(target("busy"), message()))
			.isEqualTo(new PushOutcome.Retry("push service answered 503", Duration.ofSeconds(120)));
		assertThat(provider(true).send(target("throttled"), message()))
			.isEqualTo(new PushOutcome.Retry("push service answered 429", null));
	}

	@Test
	void failsWithoutRetryOnOtherClientErrors() {
		this.pushService.answer("bad", 400, Map.of());

		assertThat(provider(true).send(target("bad"), message()))
			.isEqualTo(new PushOutcome.Failed("push service answered 400"));
	}

	@Test
	void neverFollowsARedirect() {
		this.pushService.answer("moved", 307, Map.of("Location", this.pushService.endpoint("elsewhere")));

		assertThat(provider(true).send(target("moved"), message())).isInstanceOf(PushOutcome.Failed.class);
		assertThat(this.pushService.received()).extracting(Received::path).containsExactly("/push/moved");
	}

	@Test
	void refusesPlainHttpOffLoopbackWithoutSendingAnything() {
		for (String endpoint : new String[] { "http://push.example.com/push/1", "http://10.0.0.7/push/1",
				"ftp://127.0.0.1/push/1" }) {
			PushOutcome outcome = provider(true).send(target(endpoint, this.subscriber), message());
			assertThat(outcome).as(endpoint).isEqualTo(new PushOutcome.Failed("only https endpoints are accepted"));
		}
	}

	@Test
	void refusesHttpsToInternalAddressLiterals() {
		for (String endpoint : new String[] { "https://10.0.0.7/push/1", "https://192.168.1.2/push/1",
				"https://169.254.169.254/latest", "https://[::1]/push/1" }) {
			assertThat(provider(false).send(target(endpoint, this.subscriber), message())).as(endpoint)
				.isEqualTo(new PushOutcome.Failed("endpoint is an internal address"));
		}
	}

	@Test
	void refusesLoopbackHttpUnlessDevelopmentAllowsIt() {
		PushOutcome outcome = provider(false).send(target("sub-1"), message());

		assertThat(outcome).isEqualTo(new PushOutcome.Failed("only https endpoints are accepted"));
		assertThat(this.pushService.received()).isEmpty();
	}

	@Test
	void publishesTheVapidPublicKeyForBrowsers() {
		String publicKey = provider(true).publicKey();

		assertThat(Base64.getUrlDecoder().decode(publicKey)).hasSize(65).startsWith(4);
		assertThat(publicKey).isEqualTo(WebPushSubscriber.base64Url(this.vapidKeys.getApplicationServerKey()));
	}

	private void assertVapid(String authorization) throws Exception {
		Matcher vapid = VAPID.matcher(authorization);
		assertThat(vapid.matches()).as(authorization).isTrue();
		byte[] key = Base64.getUrlDecoder().decode(vapid.group(2));
		assertThat(key).isEqualTo(this.vapidKeys.getApplicationServerKey());
		ECPublicKey publicKey = WebPushSubscriber.publicKey(key);
		Claims claims = Jwts.parser().verifyWith(publicKey).build().parseSignedClaims(vapid.group(1)).getPayload();
		assertThat(claims.getAudience()).containsExactly(this.pushService.origin());
		assertThat(claims.getExpiration().toInstant()).isAfter(Instant.now())
			.isBefore(Instant.now().plus(Duration.ofHours(24)));
		assertThat(claims.getSubject()).isEqualTo("mailto:ops@cotalk.test");
	}

	private WebPushProvider provider(boolean allowLoopbackHttp) {
		return new WebPushProvider(this.vapidKeys, "mailto:ops@cotalk.test",
				PushHttp.client(Duration.ofSeconds(5), HttpClient.Version.HTTP_2), allowLoopbackHttp,
				Duration.ofHours(1), Duration.ofSeconds(5));
	}

	private PushTarget target(String subscription) {
		return target(this.pushService.endpoint(subscription), this.subscriber);
	}

	private static PushTarget target(String endpoint, WebPushSubscriber subscriber) {
		return PushTarget.webPush("browser-1", UUID.randomUUID(), endpoint, subscriber.p256dh(), subscriber.auth());
	}

	private PushMessage message() {
		return new PushMessage(this.roomId, 1, "Minji", "hello");
	}

}
