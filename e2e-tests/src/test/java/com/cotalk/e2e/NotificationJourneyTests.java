package com.cotalk.e2e;

import static com.cotalk.e2e.AccountJourneyTests.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;

import org.junit.jupiter.api.Test;

import com.cotalk.localstack.Service;
import com.cotalk.testsupport.ApiClient;
import com.cotalk.testsupport.StompTestClient;
import com.cotalk.testsupport.push.LoopbackWebPushService;
import com.cotalk.testsupport.push.LoopbackWebPushService.Received;
import com.cotalk.testsupport.push.WebPushSubscriber;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The Notifications section of the contract through the gateway against the real
 * services: what friend-service, chat-service and the message path do reaches the user as
 * a live {@code notification} event on their STOMP session and in their inbox.
 */
class NotificationJourneyTests {

	final ApiClient api = new ApiClient(E2eStack.gatewayUrl());

	Users.LoggedIn user(String name) {
		Users.LoggedIn user = Users.signUpAndLogIn(this.api, name);
		assertThat(Users.awaitProfile(this.api, user.accessToken()).status()).isEqualTo(200);
		return user;
	}

	@Test
	void friendRequestsAndAcceptancesArriveLiveAndInTheInbox() throws Exception {
		Users.LoggedIn minjun = user("민준");
		Users.LoggedIn seoyeon = user("서연");
		try (StompTestClient seoyeons = StompTestClient.connect(E2eStack.gatewayWebSocketUrl(), seoyeon.accessToken());
				StompTestClient minjuns = StompTestClient.connect(E2eStack.gatewayWebSocketUrl(),
						minjun.accessToken())) {
			String requestId = this.api
				.post("/api/friends/requests", minjun.accessToken(), Map.of("userId", seoyeon.userId()))
				.text("requestId");

			JsonNode live = seoyeons.nextEvent("notification");
			assertThat(live.path("notificationType").asString()).isEqualTo("FRIEND_REQUEST");
			assertThat(live.path("read").asBoolean()).isFalse();
			assertThat(live.path("data").path("fromUserId").asString()).isEqualTo(minjun.userId());
			assertThat(live.path("data").path("requestId").asString()).isEqualTo(requestId);
			JsonNode stored = inbox(seoyeon).get(0);
			assertThat(stored.path("notificationId").asString()).isEqualTo(live.path("notificationId").asString());
			assertThat(stored.path("type").asString()).isEqualTo("FRIEND_REQUEST");
			assertThat(stored.path("createdAt").asString()).isEqualTo(live.path("createdAt").asString());

			assertThat(this.api.post("/api/friends/requests/" + requestId + "/accept", seoyeon.accessToken(), null)
				.status()).isEqualTo(200);
			JsonNode accepted = minjuns.nextEvent("notification");
			assertThat(accepted.path("notificationType").asString()).isEqualTo("FRIEND_ACCEPTED");
			assertThat(accepted.path("data").path("fromUserId").asString()).isEqualTo(seoyeon.userId());
			assertThat(accepted.path("data").path("requestId").asString()).isEqualTo(requestId);
			assertThat(inbox(minjun)).extracting((item) -> item.path("type").asString())
				.containsExactly("FRIEND_ACCEPTED");
		}
	}

	@Test
	void anInvitationAndAMentionArriveLiveAndInTheInbox() throws Exception {
		Users.LoggedIn host = user("Host " + UUID.randomUUID().toString().substring(0, 6));
		Users.LoggedIn jiwoo = user("지우");
		try (StompTestClient jiwoos = StompTestClient.connect(E2eStack.gatewayWebSocketUrl(), jiwoo.accessToken())) {
			String roomId = this.api
				.post("/api/rooms", host.accessToken(),
						Map.of("type", "GROUP", "name", "주말 등산", "memberIds", List.of(jiwoo.userId())))
				.text("roomId");
			JsonNode invite = nextNotification(jiwoos, "ROOM_INVITE");
			assertThat(invite.path("data").path("fromUserId").asString()).isEqualTo(host.userId());
			assertThat(invite.path("data").path("roomId").asString()).isEqualTo(roomId);

			ApiClient.Response sent = this.api.post("/api/rooms/" + roomId + "/messages", host.accessToken(), Map
				.of("clientMsgId", UUID.randomUUID().toString(), "contentType", "TEXT", "content", "@지우야 토요일 7시 어때?"));
			assertThat(sent.status()).as(sent.toString()).isEqualTo(201);
			JsonNode mention = nextNotification(jiwoos, "MENTION");
			assertThat(mention.path("data").path("fromUserId").asString()).isEqualTo(host.userId());
			assertThat(mention.path("data").path("roomId").asString()).isEqualTo(roomId);
			assertThat(mention.path("data").path("seq").asLong()).isEqualTo(sent.json().path("seq").asLong());
			assertThat(inbox(jiwoo)).extracting((item) -> item.path("type").asString())
				.containsExactly("MENTION", "ROOM_INVITE");
			assertThat(inbox(host)).as("neither the inviter nor the sender").isEmpty();
		}
	}

	@Test
	void onlyItsOwnerReadsAndMarksANotification() {
		Users.LoggedIn owner = user("Owner");
		Users.LoggedIn other = user("Other");
		Users.LoggedIn asker = user("Asker");
		this.api.post("/api/friends/requests", asker.accessToken(), Map.of("userId", owner.userId()));
		JsonNode notification = awaitInbox(owner, (items) -> !items.isEmpty()).get(0);
		String id = notification.path("notificationId").asString();

		assertThat(inbox(other)).isEmpty();
		assertProblem(this.api.post("/api/notifications/" + id + "/read", other.accessToken(), null), 404,
				"NOTIFICATION_NOT_FOUND");
		assertThat(inbox(owner).get(0).path("read").asBoolean()).isFalse();

		assertThat(this.api.post("/api/notifications/" + id + "/read", owner.accessToken(), null).status())
			.isEqualTo(204);
		ApiClient.Response page = this.api.get("/api/notifications", owner.accessToken());
		assertThat(page.json().path("items").get(0).path("read").asBoolean()).isTrue();
		assertThat(page.json().path("unreadCount").asLong()).isZero();
		assertProblem(this.api.get("/api/notifications", null), 401, "UNAUTHORIZED");
	}

	@Test
	void registersAndRemovesDevices() {
		Users.LoggedIn user = user("Devices");
		assertThat(this.api
			.put("/api/notifications/devices/phone-1", user.accessToken(),
					Map.of("platform", "FCM", "token", "e2e-" + UUID.randomUUID()))
			.status()).isEqualTo(204);
		assertProblem(this.api.put("/api/notifications/devices/phone-1", user.accessToken(),
				Map.of("platform", "PIGEON", "token", "t")), 400, "VALIDATION_FAILED");
		assertThat(this.api.delete("/api/notifications/devices/phone-1", user.accessToken()).status()).isEqualTo(204);
	}

	@Test
	void anOfflineMembersBrowserGetsAPushAndAMutedOrOnlineMemberNone() throws Exception {
		try (LoopbackWebPushService pushService = new LoopbackWebPushService()) {
			Users.LoggedIn host = user("Host " + UUID.randomUUID().toString().substring(0, 6));
			Browser offline = browser(pushService, user("Offline"));
			Browser muted = browser(pushService, user("Muted"));
			Browser online = browser(pushService, user("Online"));
			String roomId = this.api
				.post("/api/rooms", host.accessToken(),
						Map.of("type", "GROUP", "name", "주말 등산", "memberIds",
								List.of(offline.user().userId(), muted.user().userId(), online.user().userId())))
				.text("roomId");
			assertThat(this.api
				.put("/api/rooms/" + roomId + "/settings", muted.user().accessToken(), Map.of("muted", true))
				.status()).isEqualTo(200);
			try (StompTestClient onlines = StompTestClient.connect(E2eStack.gatewayWebSocketUrl(),
					online.user().accessToken())) {
				long seq = send(host, roomId, "토요일 아침 8시, 정상에서 봐요!");

				Received push = awaitPushes(pushService, offline, 1).getFirst();
				JsonNode payload = JsonMapper.shared().readTree(offline.subscriber().decrypt(push.body()));
				assertThat(payload.path("type").asString()).isEqualTo("message");
				assertThat(payload.path("roomId").asString()).isEqualTo(roomId);
				assertThat(payload.path("seq").asLong()).isEqualTo(seq);
				assertThat(payload.path("title").asString()).isEqualTo("주말 등산");
				assertThat(payload.path("body").asString()).isEqualTo("토요일 아침 8시, 정상에서 봐요!");
				assertThat(push.header("Authorization")).as("VAPID").startsWith("vapid t=");

				long next = send(host, roomId, "늦으면 연락 주세요");
				JsonNode second = JsonMapper.shared()
					.readTree(offline.subscriber().decrypt(awaitPushes(pushService, offline, 2).get(1).body()));
				assertThat(second.path("seq").asLong()).isEqualTo(next);
				assertThat(onlines.nextEvent("message").path("seq").asLong()).as("online, it came live").isEqualTo(seq);
				assertThat(pushes(pushService, muted)).as("muted the room").isEmpty();
				assertThat(pushes(pushService, online)).as("has a live session").isEmpty();
			}
		}
	}

	@Test
	void aBrowserItsPushServiceCallsGoneGetsNoMorePushes() throws Exception {
		try (LoopbackWebPushService pushService = new LoopbackWebPushService()) {
			Users.LoggedIn sender = user("Sender");
			Browser gone = browser(pushService, user("Gone"));
			Browser control = browser(pushService, user("Control"));
			pushService.answer(gone.subscription(), 410, Map.of());
			String roomId = this.api
				.post("/api/rooms", sender.accessToken(), Map.of("type", "GROUP", "name", "구독", "memberIds",
						List.of(gone.user().userId(), control.user().userId())))
				.text("roomId");

			send(sender, roomId, "first");
			awaitPushes(pushService, gone, 1);
			awaitPushes(pushService, control, 1);
			send(sender, roomId, "second");
			awaitPushes(pushService, control, 2);
			assertThat(pushes(pushService, gone)).as("the device was removed after the 410").hasSize(1);
		}
	}

	@Test
	void pushesWaitOutANotificationServiceOutage() throws Exception {
		try (LoopbackWebPushService pushService = new LoopbackWebPushService()) {
			Users.LoggedIn sender = user("Sender");
			Browser offline = browser(pushService, user("Offline"));
			String roomId = this.api
				.post("/api/rooms", sender.accessToken(),
						Map.of("type", "DIRECT", "memberIds", List.of(offline.user().userId())))
				.text("roomId");

			E2eStack.get().kill(Service.NOTIFICATION);
			long seq;
			try {
				seq = send(sender, roomId, "보내는 동안 알림 서비스가 꺼져 있었어요");
			}
			finally {
				E2eStack.get().restart(Service.NOTIFICATION);
			}

			JsonNode payload = JsonMapper.shared()
				.readTree(offline.subscriber().decrypt(awaitPushes(pushService, offline, 1).getFirst().body()));
			assertThat(payload.path("seq").asLong()).isEqualTo(seq);
			assertThat(payload.path("title").asString()).as("a direct room: the sender's name").isEqualTo("Sender");
		}
	}

	private long send(Users.LoggedIn sender, String roomId, String text) {
		ApiClient.Response sent = this.api.post("/api/rooms/" + roomId + "/messages", sender.accessToken(),
				Map.of("clientMsgId", UUID.randomUUID().toString(), "contentType", "TEXT", "content", text));
		assertThat(sent.status()).as(sent.toString()).isEqualTo(201);
		return sent.json().path("seq").asLong();
	}

	private Browser browser(LoopbackWebPushService pushService, Users.LoggedIn user) throws Exception {
		WebPushSubscriber subscriber = new WebPushSubscriber();
		String subscription = UUID.randomUUID().toString();
		ApiClient.Response registered = this.api.put("/api/notifications/devices/browser", user.accessToken(),
				Map.of("platform", "WEBPUSH", "subscription", Map.of("endpoint", pushService.endpoint(subscription),
						"keys", Map.of("p256dh", subscriber.p256dh(), "auth", subscriber.auth()))));
		assertThat(registered.status()).as(registered.toString()).isEqualTo(204);
		return new Browser(user, subscriber, subscription);
	}

	private static List<Received> pushes(LoopbackWebPushService pushService, Browser browser) {
		return pushService.received()
			.stream()
			.filter((push) -> push.path().equals("/push/" + browser.subscription()))
			.toList();
	}

	private static List<Received> awaitPushes(LoopbackWebPushService pushService, Browser browser, int count)
			throws InterruptedException {
		Instant deadline = Instant.now().plus(Duration.ofSeconds(20));
		while (pushes(pushService, browser).size() < count && Instant.now().isBefore(deadline)) {
			Thread.sleep(100);
		}
		assertThat(pushes(pushService, browser)).as("pushes to " + browser.user().userId())
			.hasSizeGreaterThanOrEqualTo(count);
		return pushes(pushService, browser);
	}

	private record Browser(Users.LoggedIn user, WebPushSubscriber subscriber, String subscription) {
	}

	private List<JsonNode> inbox(Users.LoggedIn user) {
		ApiClient.Response page = this.api.get("/api/notifications", user.accessToken());
		assertThat(page.status()).as(page.toString()).isEqualTo(200);
		return page.json().path("items").valueStream().toList();
	}

	private List<JsonNode> awaitInbox(Users.LoggedIn user, Predicate<List<JsonNode>> done) {
		Instant deadline = Instant.now().plus(Duration.ofSeconds(10));
		List<JsonNode> items = inbox(user);
		while (!done.test(items) && Instant.now().isBefore(deadline)) {
			try {
				Thread.sleep(100);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				break;
			}
			items = inbox(user);
		}
		return items;
	}

	private static JsonNode nextNotification(StompTestClient client, String notificationType)
			throws InterruptedException {
		while (true) {
			JsonNode event = client.nextEvent("notification");
			if (notificationType.equals(event.path("notificationType").asString())) {
				return event;
			}
		}
	}

}
