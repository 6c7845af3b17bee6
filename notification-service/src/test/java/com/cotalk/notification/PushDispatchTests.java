package com.cotalk.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.interaso.webpush.VapidKeys;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.redis.connection.stream.MapRecord;
import org.springframework.data.redis.connection.stream.StreamOffset;
import org.springframework.test.context.TestPropertySource;

import com.cotalk.common.messages.MessageEvent;
import com.cotalk.notification.device.DeviceService;
import com.cotalk.testsupport.PrometheusText;
import com.cotalk.testsupport.push.LoopbackWebPushService;
import com.cotalk.testsupport.push.LoopbackWebPushService.Received;
import com.cotalk.testsupport.push.WebPushSubscriber;

import tools.jackson.databind.JsonNode;

/**
 * New messages appended to the partition streams as chat-service appends them, browsers
 * subscribed through the devices API with endpoints on a loopback push service that
 * decrypts what it receives with the subscription's keys.
 */
@TestPropertySource(properties = { "cotalk.notification.allow-loopback-http=true",
		"cotalk.notification.dispatch.fold-window=700ms", "cotalk.notification.dispatch.poll-interval=50ms",
		"cotalk.notification.dispatch.first-retry=1s", "cotalk.notification.dispatch.max-attempts=3" })
class PushDispatchTests extends NotificationTestSupport {

	private LoopbackWebPushService pushService;

	@Autowired
	DeviceService devices;

	@BeforeEach
	void startPushService() throws Exception {
		this.pushService = new LoopbackWebPushService();
	}

	@AfterEach
	void stopPushService() {
		this.pushService.close();
	}

	@Test
	void anOfflineMembersBrowserGetsAPushOnlyItCanDecrypt() throws Exception {
		Browser minji = browser(user("Minji"));
		Browser sender = browser(user("Jisoo"));
		UUID roomId = room(minji, sender);

		send(roomId, sender, 1, "저녁 7시에 만날까?");

		Received push = awaitPushes(minji, 1).getFirst();
		assertThat(push.header("Content-Encoding")).isEqualTo("aes128gcm");
		assertThat(push.header("Authorization")).startsWith("vapid t=");
		JsonNode payload = this.json.readTree(minji.subscriber().decrypt(push.body()));
		assertThat(payload.path("type").asString()).isEqualTo("message");
		assertThat(payload.path("roomId").asString()).isEqualTo(roomId.toString());
		assertThat(payload.path("seq").asLong()).isEqualTo(1);
		assertThat(payload.path("title").asString()).as("a group is titled by its name").isEqualTo("Fake room");
		assertThat(payload.path("body").asString()).isEqualTo("저녁 7시에 만날까?");
		await("the delivery counted", () -> outcomes("delivered") > 0);
		settle(roomId);
		assertThat(pushes(sender)).as("never to the sender").isEmpty();
		assertThat(pushes(minji)).hasSize(1);
	}

	@Test
	void aMutedRoomOrALiveSessionGetsNoPush() throws Exception {
		Browser muted = browser(user("Muted"));
		Browser online = browser(user("Online"));
		Browser offline = browser(user("Offline"));
		Browser sender = browser(user("Sender"));
		UUID roomId = room(muted, online, offline, sender);
		services.mute(roomId, muted.user().id());
		online(online.user(), "instance-" + UUID.randomUUID(), "session-1");

		send(roomId, sender, 1, "anyone?");
		send(roomId, sender, 2, "hello");

		awaitPushes(offline, 1);
		settle(roomId);
		assertThat(pushes(muted)).isEmpty();
		assertThat(pushes(online)).isEmpty();
	}

	@Test
	void messagesCloseTogetherFoldIntoOnePushOfTheNewest() throws Exception {
		Browser minji = browser(user("Minji"));
		Browser sender = browser(user("Sender"));
		UUID roomId = room(minji, sender);

		send(roomId, sender, 1, "one");
		send(roomId, sender, 2, "two");
		send(roomId, sender, 3, "three");

		Received push = awaitPushes(minji, 1).getFirst();
		JsonNode payload = this.json.readTree(minji.subscriber().decrypt(push.body()));
		assertThat(payload.path("seq").asLong()).isEqualTo(3);
		assertThat(payload.path("body").asString()).isEqualTo("three");
		settle(roomId);
		assertThat(pushes(minji)).hasSize(1);

		send(roomId, sender, 4, "later");
		List<Received> both = awaitPushes(minji, 2);
		assertThat(this.json.readTree(minji.subscriber().decrypt(both.get(1).body())).path("seq").asLong())
			.isEqualTo(4);
	}

	@Test
	void aRedeliveredMessageIsNotPushedAgain() throws Exception {
		Browser minji = browser(user("Minji"));
		Browser sender = browser(user("Sender"));
		UUID roomId = room(minji, sender);
		MessageEvent message = textMessage(roomId, sender.user().id(), 7, "once");
		String stream = messageStream(roomId);

		append(stream, message);
		awaitPushes(minji, 1);
		append(stream, message);
		appendAbandoned(stream, message);
		settle(roomId);
		assertThat(pushes(minji)).hasSize(1);
	}

	@Test
	void aSubscriptionThePushServiceCallsGoneIsRemoved() throws Exception {
		Browser minji = browser(user("Minji"));
		Browser sender = browser(user("Sender"));
		UUID roomId = room(minji, sender);
		this.pushService.answer(minji.subscription(), 410, Map.of());

		send(roomId, sender, 1, "are you there?");

		await("the gone subscription removed", () -> this.devices.devicesOf(minji.user().id()).isEmpty());
		assertThat(pushes(minji)).hasSize(1);
	}

	@Test
	void aPushThePushServiceCannotTakeNowIsTriedAgain() throws Exception {
		Browser minji = browser(user("Minji"));
		Browser sender = browser(user("Sender"));
		UUID roomId = room(minji, sender);
		this.pushService.answer(minji.subscription(), 503, Map.of());

		send(roomId, sender, 1, "retry me");
		awaitPushes(minji, 1);
		this.pushService.answer(minji.subscription(), 201, Map.of());

		List<Received> attempts = awaitPushes(minji, 2);
		JsonNode payload = this.json.readTree(minji.subscriber().decrypt(attempts.get(1).body()));
		assertThat(payload.path("body").asString()).isEqualTo("retry me");
		assertThat(this.devices.devicesOf(minji.user().id())).as("kept").hasSize(1);
		sleep(1_000);
		assertThat(pushes(minji)).as("not again once taken").hasSize(2);
	}

	@Test
	void aPushThatKeepsFailingIsDeadLettered() throws Exception {
		Browser minji = browser(user("Minji"));
		Browser sender = browser(user("Sender"));
		UUID roomId = room(minji, sender);
		this.pushService.answer(minji.subscription(), 500, Map.of());

		send(roomId, sender, 5, "never arrives");

		await("dead-lettered", () -> deadLetters(minji).size() == 1);
		Map<Object, Object> dead = deadLetters(minji).getFirst().getValue();
		assertThat(dead).containsEntry("roomId", roomId.toString())
			.containsEntry("seq", "5")
			.containsEntry("attempts", "3");
		assertThat(pushes(minji)).as("max-attempts").hasSize(3);
		assertThat(outcomes("retry")).as("counted").isGreaterThanOrEqualTo(3);
		sleep(1_000);
		assertThat(pushes(minji)).hasSize(3);
		assertThat(this.devices.devicesOf(minji.user().id())).as("a failing service is no gone device").hasSize(1);
	}

	@Test
	void withoutConfiguredKeysEveryInstanceSignsWithTheDevelopmentPairInRedis() {
		String stored = this.redis.opsForValue().get("push:vapid:generated");
		assertThat(stored).contains("\n");
		String[] pair = stored.split("\n");
		String expected = Base64.getUrlEncoder()
			.withoutPadding()
			.encodeToString(VapidKeys.create(pair[0], pair[1]).getApplicationServerKey());

		var response = this.api.get("/api/notifications/webpush/public-key", user("Browser").token());
		assertThat(response.status()).isEqualTo(200);
		assertThat(response.text("publicKey")).isEqualTo(expected);
	}

	/**
	 * {@code cotalk_push_outcomes_total} of Web Push pushes with the outcome, as scraped.
	 */
	private double outcomes(String outcome) {
		return PrometheusText.sum(this.api.get("/actuator/prometheus", null).body(), "cotalk_push_outcomes_total",
				"outcome=\"" + outcome + "\"", "platform=\"WEBPUSH\"");
	}

	/** A user with a browser subscribed to the loopback push service. */
	private Browser browser(TestUser user) throws Exception {
		WebPushSubscriber subscriber = new WebPushSubscriber();
		String subscription = UUID.randomUUID().toString();
		var response = this.api.put("/api/notifications/devices/browser-1", user.token(), DeviceApiTests
			.webPush(this.pushService.endpoint(subscription), subscriber.p256dh(), subscriber.auth()));
		assertThat(response.status()).as(response.toString()).isEqualTo(204);
		return new Browser(user, subscriber, subscription);
	}

	private List<Received> pushes(Browser browser) {
		String path = "/push/" + browser.subscription();
		return this.pushService.received().stream().filter((push) -> push.path().equals(path)).toList();
	}

	private List<Received> awaitPushes(Browser browser, int count) {
		await(count + " pushes to " + browser.user().id(), () -> pushes(browser).size() >= count);
		return pushes(browser);
	}

	private List<MapRecord<String, Object, Object>> deadLetters(Browser browser) {
		return this.redis.opsForStream()
			.read(StreamOffset.fromStart("push:dead"))
			.stream()
			.filter((entry) -> browser.user().id().toString().equals(entry.getValue().get("userId")))
			.toList();
	}

	/** Everything sent to the room has been handled and its pushes are no longer due. */
	private void settle(UUID roomId) {
		awaitSettled(messageStream(roomId));
		await("no push of room " + roomId + " due",
				() -> this.redis.opsForZSet()
					.range("push:due", 0, -1)
					.stream()
					.noneMatch((member) -> member.endsWith(roomId.toString())));
		sleep(300);
	}

	private UUID room(Browser... members) {
		UUID roomId = UUID.randomUUID();
		services.room(roomId, Arrays.stream(members).map((member) -> member.user().id()).toList());
		return roomId;
	}

	private void send(UUID roomId, Browser sender, long seq, String text) {
		sendText(roomId, sender.user().id(), seq, text);
	}

	private record Browser(TestUser user, WebPushSubscriber subscriber, String subscription) {
	}

}
