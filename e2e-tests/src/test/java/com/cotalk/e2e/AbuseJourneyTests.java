package com.cotalk.e2e;

import static com.cotalk.e2e.AccountJourneyTests.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.net.http.WebSocketHandshakeException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import com.cotalk.localstack.Service;
import com.cotalk.testsupport.ApiClient;
import com.cotalk.testsupport.PrometheusText;
import com.cotalk.testsupport.StompTestClient;

import io.jsonwebtoken.Jwts;

import tools.jackson.databind.JsonNode;

/**
 * What a hostile member or stranger tries through the gateway, refused
 * ({@code docs/security.md} lists each threat with its test).
 */
class AbuseJourneyTests {

	/** A valid P-256 public key (the generator point), base64url. */
	static final String DEVICE_P256DH = "BGsX0fLhLEJH-Lzm5WOkQPJ3A32BLeszoPShOUXYmMKWT-NC4v4af5uO5-tKfA-eFivOM1drMV7Oy7ZAaDe_UfU";

	final ApiClient api = new ApiClient(E2eStack.gatewayUrl());

	@Test
	void someoneIBlockedCannotPutMeInAGroup() {
		Users.LoggedIn me = Users.signUpAndLogIn(this.api, "Blocker");
		Users.LoggedIn pest = Users.signUpAndLogIn(this.api, "Pest");
		Users.LoggedIn friend = Users.signUpAndLogIn(this.api, "Bystander");
		awaitProfiles(me, pest, friend);
		assertThat(this.api.put("/api/blocks/" + pest.userId(), me.accessToken(), null).status()).isEqualTo(204);

		assertProblem(
				this.api.post("/api/rooms", pest.accessToken(),
						Map.of("type", "GROUP", "name", "trap", "memberIds", List.of(friend.userId(), me.userId()))),
				404, "USER_NOT_FOUND");
		assertThat(roomNames(me)).doesNotContain("trap");
		assertThat(roomNames(friend)).as("nobody else is added by that call").doesNotContain("trap");

		String roomId = this.api
			.post("/api/rooms", pest.accessToken(),
					Map.of("type", "GROUP", "name", "later", "memberIds", List.of(friend.userId())))
			.text("roomId");
		assertProblem(this.api.post("/api/rooms/" + roomId + "/members", pest.accessToken(),
				Map.of("userIds", List.of(me.userId()))), 404, "USER_NOT_FOUND");
		assertThat(roomNames(me)).doesNotContain("later");
	}

	@Test
	void iCannotPutSomeoneIBlockedInAGroupEither() {
		Users.LoggedIn me = Users.signUpAndLogIn(this.api, "Grudge");
		Users.LoggedIn other = Users.signUpAndLogIn(this.api, "Grudged");
		awaitProfiles(me, other);
		assertThat(this.api.put("/api/blocks/" + other.userId(), me.accessToken(), null).status()).isEqualTo(204);
		assertProblem(
				this.api.post("/api/rooms", me.accessToken(),
						Map.of("type", "GROUP", "name", "mine", "memberIds", List.of(other.userId()))),
				404, "USER_NOT_FOUND");
	}

	@Test
	void anotherMembersReuseOfMyClientMsgIdIsAMessageOfItsOwn() {
		Users.LoggedIn alice = Users.signUpAndLogIn(this.api, "Id Alice");
		Users.LoggedIn bob = Users.signUpAndLogIn(this.api, "Id Bob");
		awaitProfiles(alice, bob);
		String roomId = this.api
			.post("/api/rooms", alice.accessToken(),
					Map.of("type", "GROUP", "name", "ids", "memberIds", List.of(bob.userId())))
			.text("roomId");
		String path = "/api/rooms/" + roomId + "/messages";
		ApiClient.Response mine = this.api.post(path, alice.accessToken(),
				Map.of("clientMsgId", "1", "contentType", "TEXT", "content", "앨리스의 메시지"));
		assertThat(mine.status()).isEqualTo(201);
		ApiClient.Response his = this.api.post(path, bob.accessToken(),
				Map.of("clientMsgId", "1", "contentType", "TEXT", "content", "밥의 메시지"));
		assertThat(his.status()).as("a new message, not Alice's").isEqualTo(201);
		assertThat(his.text("messageId")).isNotEqualTo(mine.text("messageId"));
		ApiClient.Response resent = this.api.post(path, alice.accessToken(),
				Map.of("clientMsgId", "1", "contentType", "TEXT", "content", "앨리스의 메시지"));
		assertThat(resent.status()).as("Alice's own resend is still a resend").isEqualTo(200);
		assertThat(resent.text("messageId")).isEqualTo(mine.text("messageId"));

		await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
			List<String> texts = new ArrayList<>();
			for (JsonNode message : this.api.get(path, alice.accessToken()).json().path("items")) {
				if ("TEXT".equals(message.path("contentType").asString())) {
					texts.add(message.path("content").asString());
				}
			}
			assertThat(texts).containsExactly("앨리스의 메시지", "밥의 메시지");
		});
	}

	@Test
	void aPageOnAnotherSiteCannotOpenASocketWithTheUsersBrowser() throws Exception {
		assertThat(handshake("https://evil.example")).isEqualTo(403);
		assertThat(handshake("null")).as("a sandboxed or file page").isEqualTo(403);
		assertThat(handshake(null)).as("native apps send no Origin").isEqualTo(101);
		assertThat(handshake(E2eStack.gatewayUrl())).as("the gateway's own pages").isEqualTo(101);
	}

	@Test
	void loggingOutEndsThatSessionsSocketsWithinFiveSeconds() throws Exception {
		Users.LoggedIn phone = Users.signUpAndLogIn(this.api, "Leaver");
		ApiClient.Response laptopLogin = this.api.post("/api/auth/login", null,
				Map.of("email", phone.email(), "password", phone.password()));
		String laptopToken = laptopLogin.text("accessToken");
		try (StompTestClient phoneSocket = StompTestClient.connect(E2eStack.gatewayWebSocketUrl(), phone.accessToken());
				StompTestClient laptopSocket = StompTestClient.connect(E2eStack.gatewayWebSocketUrl(), laptopToken)) {
			assertThat(this.api.post("/api/auth/logout", null, Map.of("refreshToken", phone.refreshToken())).status())
				.isEqualTo(204);

			assertThat(phoneSocket.errorFrames.poll(5, TimeUnit.SECONDS)).as("ERROR frame within 5 s")
				.isEqualTo("SESSION_REVOKED");
			assertThat(phoneSocket.closed).succeedsWithin(Duration.ofSeconds(2));
			assertThat(laptopSocket.errorFrames).as("the other session goes on").isEmpty();
			assertThat(laptopSocket.session().isConnected()).isTrue();

			StompTestClient again = StompTestClient.attemptUrl(E2eStack.gatewayWebSocketUrl(), phone.accessToken(),
					null);
			assertThat(again.errorFrames.poll(10, TimeUnit.SECONDS)).as("its token opens no new socket")
				.isEqualTo("SESSION_REVOKED");
		}
	}

	@Test
	void madeUpKeyIdsDoNotMakeAuthServiceWorkPerFrame() throws Exception {
		Users.LoggedIn user = Users.signUpAndLogIn(this.api, "Kid");
		ApiClient auth = new ApiClient("http://127.0.0.1:" + E2eStack.get().port(Service.AUTH));
		String before = auth.get("/actuator/prometheus", null).body();
		for (int i = 0; i < 20; i++) {
			String forged = Jwts.builder()
				.header()
				.keyId("made-up-" + UUID.randomUUID())
				.and()
				.subject(user.userId())
				.issuer("cotalk")
				.audience()
				.add("cotalk-api")
				.and()
				.expiration(Date.from(Instant.now().plusSeconds(300)))
				.signWith(E2eStack.SIGNING_KEYS.getPrivate(), Jwts.SIG.RS256)
				.compact();
			StompTestClient refused = StompTestClient.attemptUrl(E2eStack.gatewayWebSocketUrl(), forged, null);
			assertThat(refused.errorFrames.poll(10, TimeUnit.SECONDS)).as("an ERROR frame").isNotNull();
			refused.close();
		}
		String after = auth.get("/actuator/prometheus", null).body();
		double fetches = PrometheusText.sum(after, "http_server_requests_seconds_count", "uri=\"/api/auth/jwks\"")
				- PrometheusText.sum(before, "http_server_requests_seconds_count", "uri=\"/api/auth/jwks\"");
		assertThat(fetches).as("JWKS fetches for 20 CONNECTs with unknown kids").isLessThanOrEqualTo(4);
	}

	@Test
	void parallelPasswordGuessesCannotSlipPastTheLimit() {
		Users.LoggedIn victim = Users.signUpAndLogIn(this.api, "Victim");
		List<CompletableFuture<ApiClient.Response>> guesses = new ArrayList<>();
		List<Integer> statuses;
		try (ExecutorService pool = Executors.newFixedThreadPool(12)) {
			for (int i = 0; i < 12; i++) {
				String guess = "guess-" + i;
				guesses.add(CompletableFuture.supplyAsync(() -> this.api.post("/api/auth/login", null,
						Map.of("email", victim.email(), "password", guess)), pool));
			}
			statuses = guesses.stream().map(CompletableFuture::join).map(ApiClient.Response::status).toList();
		}
		assertThat(statuses).filteredOn((status) -> status == 401)
			.as("guesses that reached the password check")
			.hasSizeLessThanOrEqualTo(5);
		assertThat(statuses).containsOnly(401, 429);
	}

	@Test
	void requestAndCancelOverAndOverNotifiesTheTargetAFewTimesOnly() {
		Users.LoggedIn pest = Users.signUpAndLogIn(this.api, "Requester");
		Users.LoggedIn target = Users.signUpAndLogIn(this.api, "Requested");
		awaitProfiles(pest, target);
		int sent = 0;
		ApiClient.Response last = null;
		for (int round = 0; round < 30; round++) {
			last = this.api.post("/api/friends/requests", pest.accessToken(), Map.of("userId", target.userId()));
			if (last.status() != 201) {
				break;
			}
			sent++;
			this.api.delete("/api/friends/requests/" + last.text("requestId"), pest.accessToken());
		}
		assertProblem(last, 429, "RATE_LIMITED");
		assertThat(last.header("Retry-After")).isNotNull();
		assertThat(sent).isEqualTo(3);
		int expected = sent;
		await().atMost(Duration.ofSeconds(10))
			.untilAsserted(() -> assertThat(notificationsOfType(target, "FRIEND_REQUEST")).isEqualTo(expected));
	}

	@Test
	void devicesAreCappedAndPushEndpointsCannotPointIntoTheNetwork() {
		Users.LoggedIn user = Users.signUpAndLogIn(this.api, "Gadgets");
		for (String endpoint : List.of("https://10.0.0.1/p", "https://100.64.0.1/p", "https://[fd00::1]/p")) {
			assertProblem(
					this.api.put("/api/notifications/devices/browser", user.accessToken(),
							Map.of("platform", "WEBPUSH", "subscription",
									Map.of("endpoint", endpoint, "keys",
											Map.of("p256dh", DEVICE_P256DH, "auth", "AAAAAAAAAAAAAAAAAAAAAA")))),
					400, "VALIDATION_FAILED");
		}
		for (int i = 0; i < 10; i++) {
			assertThat(this.api
				.put("/api/notifications/devices/phone-" + i, user.accessToken(),
						Map.of("platform", "FCM", "token", "token-" + UUID.randomUUID()))
				.status()).isEqualTo(204);
		}
		assertProblem(this.api.put("/api/notifications/devices/phone-10", user.accessToken(),
				Map.of("platform", "FCM", "token", "token-" + UUID.randomUUID())), 409, "TOO_MANY_DEVICES");
	}

	@Test
	void socketsThatNeverConnectAreCappedPerAddress() throws Exception {
		List<WebSocket> idle = new ArrayList<>();
		java.util.Set<WebSocket> closedByServer = java.util.concurrent.ConcurrentHashMap.newKeySet();
		WebSocket.Listener listener = new WebSocket.Listener() {
			@Override
			public java.util.concurrent.CompletionStage<?> onClose(WebSocket socket, int status, String reason) {
				closedByServer.add(socket);
				return null;
			}
		};
		try {
			int status = 101;
			for (int i = 0; i < 30 && status == 101; i++) {
				try {
					idle.add(HttpClient.newHttpClient()
						.newWebSocketBuilder()
						.buildAsync(URI.create(E2eStack.chatInstanceWebSocketUrls().get(0)), listener)
						.get(10, TimeUnit.SECONDS));
				}
				catch (ExecutionException ex) {
					status = ((WebSocketHandshakeException) ex.getCause()).getResponse().statusCode();
				}
			}
			assertThat(status).as("a handshake past the cap").isEqualTo(429);
			await().atMost(Duration.ofSeconds(5))
				.untilAsserted(
						() -> assertThat(idle.size() - closedByServer.size()).as("sockets held open without CONNECT")
							.isEqualTo(20));
		}
		finally {
			idle.forEach(WebSocket::abort);
			// the next tests open sockets from this address too: wait until it may again
			await().atMost(Duration.ofSeconds(10)).ignoreExceptions().untilAsserted(() -> {
				WebSocket again = HttpClient.newHttpClient()
					.newWebSocketBuilder()
					.buildAsync(URI.create(E2eStack.chatInstanceWebSocketUrls().get(0)), new WebSocket.Listener() {
					})
					.get(10, TimeUnit.SECONDS);
				again.abort();
			});
		}
	}

	@Test
	void oneUserCannotHoldMoreThanTwentySessionsOnAllInstances() {
		Users.LoggedIn hoarder = Users.signUpAndLogIn(this.api, "Hoarder");
		List<StompTestClient> sessions = new ArrayList<>();
		try {
			for (String instance : E2eStack.chatInstanceWebSocketUrls()) {
				for (int i = 0; i < 10; i++) {
					sessions.add(StompTestClient.connect(instance, hoarder.accessToken()));
				}
			}
			await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
				StompTestClient extra = StompTestClient.attemptUrl(E2eStack.gatewayWebSocketUrl(),
						hoarder.accessToken(), null);
				assertThat(extra.errorFrames.poll(5, TimeUnit.SECONDS)).isEqualTo("SESSION_LIMIT");
			});
			assertThat(sessions).allSatisfy((session) -> assertThat(session.session().isConnected()).isTrue());
		}
		finally {
			sessions.forEach(StompTestClient::close);
		}
	}

	private int notificationsOfType(Users.LoggedIn user, String type) {
		int count = 0;
		for (JsonNode notification : this.api.get("/api/notifications", user.accessToken()).json().path("items")) {
			if (type.equals(notification.path("type").asString())) {
				count++;
			}
		}
		return count;
	}

	/** The handshake's status: 101 when the socket opened. */
	private static int handshake(String origin) throws Exception {
		WebSocket.Builder builder = HttpClient.newHttpClient().newWebSocketBuilder();
		if (origin != null) {
			builder.header("Origin", origin);
		}
		try {
			WebSocket socket = builder.buildAsync(URI.create(E2eStack.gatewayWebSocketUrl()), new WebSocket.Listener() {
			}).get(10, TimeUnit.SECONDS);
			socket.abort();
			return 101;
		}
		catch (ExecutionException ex) {
			if (ex.getCause() instanceof WebSocketHandshakeException refused) {
				return refused.getResponse().statusCode();
			}
			throw ex;
		}
	}

	private List<String> roomNames(Users.LoggedIn user) {
		List<String> names = new ArrayList<>();
		this.api.get("/api/rooms", user.accessToken())
			.json()
			.path("items")
			.forEach((room) -> names.add(room.path("name").asString()));
		return names;
	}

	private void awaitProfiles(Users.LoggedIn... users) {
		for (Users.LoggedIn user : users) {
			assertThat(Users.awaitProfile(this.api, user.accessToken()).status()).isEqualTo(200);
		}
	}

}
