package com.cotalk.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import com.cotalk.localstack.Service;
import com.cotalk.testsupport.ApiClient;
import com.cotalk.testsupport.PrometheusText;
import com.cotalk.testsupport.StompTestClient;

/**
 * Random and malformed STOMP frames through the gateway, on raw WebSockets: frames
 * without their NUL, huge headers, lying or nonsensical {@code content-length}, unknown
 * commands, selector headers, subscriptions elsewhere, headers without a colon, NUL and
 * control bytes, invalid UTF-8 in binary frames, random JSON bodies to every SEND
 * destination, frames before CONNECT. Whatever comes in, no frame the server answers
 * tells anything internal, no session stays behind once its socket is gone, and
 * afterwards a real client still connects, sends and receives.
 */
class StompFuzzTests {

	private static final int SESSIONS = 60;

	private static final List<String> INTERNALS = List.of("Exception", "at com.", "at org.", "springframework", "SQL",
			"redis", "127.0.0.1", "localhost");

	private final ApiClient api = new ApiClient(E2eStack.gatewayUrl());

	@Test
	void noFrameBreaksTheServerOrLeavesASessionBehind() throws Exception {
		long seed = Fuzz.seed();
		Fuzz fuzz = new Fuzz(seed);
		Users.LoggedIn user = Users.signUpAndLogIn(this.api, "Frame Fuzzer");
		Users.LoggedIn friend = Users.signUpAndLogIn(this.api, "Frame Friend");
		assertThat(Users.awaitProfile(this.api, user.accessToken()).status()).isEqualTo(200);
		assertThat(Users.awaitProfile(this.api, friend.accessToken()).status()).isEqualTo(200);
		String room = this.api
			.post("/api/rooms", user.accessToken(),
					Map.of("type", "GROUP", "name", "frames", "memberIds", List.of(friend.userId())))
			.text("roomId");
		double before = liveSessions();

		List<String> leaks = new ArrayList<>();
		for (int i = 0; i < SESSIONS; i++) {
			RawSocket socket = RawSocket.open();
			try {
				if (fuzz.random().nextInt(4) != 0) {
					socket.send("CONNECT\naccept-version:1.2\nheart-beat:0,0\nAuthorization:Bearer "
							+ user.accessToken() + "\n\n\0");
					socket.awaitText("CONNECTED", Duration.ofSeconds(10));
				}
				for (int n = 0; n < 3 && socket.isOpen(); n++) {
					socket.sendAny(frame(fuzz, room));
				}
				socket.settle(Duration.ofMillis(300));
				for (String internal : INTERNALS) {
					if (socket.received().contains(internal)) {
						leaks.add("session " + i + " got '" + internal + "': " + socket.received());
					}
				}
			}
			finally {
				socket.abort();
			}
		}
		assertThat(leaks).as("answers telling internals (seed %d)", seed).isEmpty();

		await().atMost(Duration.ofSeconds(30))
			.untilAsserted(() -> assertThat(liveSessions()).as("sessions left on the chat-service instances")
				.isLessThanOrEqualTo(before));
		try (StompTestClient alice = StompTestClient.connect(E2eStack.gatewayWebSocketUrl(), user.accessToken());
				StompTestClient bob = StompTestClient.connect(E2eStack.gatewayWebSocketUrl(), friend.accessToken())) {
			alice.sendMessage(UUID.fromString(room), "after-fuzz", "여전히 잘 돼요", "r-1").get(10, TimeUnit.SECONDS);
			assertThat(bob.nextEvent("message").path("content").asString()).isEqualTo("여전히 잘 돼요");
		}
		RestFuzzTests.assertHealthy(this.api, user, room);
	}

	private static Object frame(Fuzz fuzz, String room) {
		String destination = fuzz.pick(List.of("/app/rooms/" + room + "/messages", "/app/rooms/" + room + "/read",
				"/app/rooms/" + room + "/typing", "/app/auth", "/app/rooms/" + UUID.randomUUID() + "/messages",
				"/app/../internal", "/topic/everything", "/user/" + UUID.randomUUID() + "/queue/events", ""));
		String body = Fuzz.JSON.writeValueAsString(fuzz.anyJson(3));
		return switch (fuzz.random().nextInt(14)) {
			case 0 -> "SEND\ndestination:" + destination + "\ncontent-type:application/json\n\n" + body;
			case 1 -> "SEND\ndestination:" + destination + "\nx-big:" + "h".repeat(60_000) + "\n\n{}\0";
			case 2 -> "SEND\ndestination:" + destination + "\ncontent-length:"
					+ fuzz.pick(List.of("999999", "-1", "x", "3", "")) + "\n\n" + body + "\0";
			case 3 -> fuzz.pick(List.of("FOO", "connect", "SENDX", "\u202ESEND", "")) + "\ndestination:" + destination
					+ "\n\n\0";
			case 4 -> "SUBSCRIBE\nid:s-1\ndestination:" + destination + "\nselector:headers.x = 'y'\n\n\0";
			case 5 -> "SUBSCRIBE\nid:" + fuzz.pick(Fuzz.NASTY_STRINGS) + "\ndestination:/user/queue/events\n\n\0";
			case 6 -> "SEND\ndestination:" + destination + "\nno colon here\n\n{}\0";
			case 7 -> "SEND\ndestination:" + destination + "\nreceipt:r\u0000\u0001\n\n" + body + "\0";
			case 8 -> ByteBuffer.wrap(new byte[] { 'S', 'E', 'N', 'D', '\n', (byte) 0xC3, 0x28, '\n', '\n', 0 });
			case 9 -> "SEND\ndestination:" + destination + "\n\n" + body + "\0SEND\ndestination:" + destination + "\n\n"
					+ body + "\0";
			case 10 -> "\n\n\n";
			case 11 -> "UNSUBSCRIBE\nid:never\n\n\0ACK\nid:x\n\n\0NACK\n\n\0BEGIN\ntransaction:t\n\n\0";
			case 12 ->
				"CONNECT\naccept-version:1.0,9.9\nAuthorization:Bearer " + fuzz.pick(Fuzz.NASTY_STRINGS) + "\n\n\0";
			default -> "SEND\ndestination:" + destination + "\ncontent-type:application/json\nreceipt:r-"
					+ fuzz.random().nextInt() + "\n\n" + body + "\0";
		};
	}

	/** Sessions open on every chat-service instance, as each one counts them. */
	private static double liveSessions() {
		double total = 0;
		for (var instance : E2eStack.get().instances(Service.CHAT)) {
			String scrape = new ApiClient("http://127.0.0.1:" + instance.port()).get("/actuator/prometheus", null)
				.body();
			total += PrometheusText.sum(scrape, "cotalk_stomp_sessions");
		}
		return total;
	}

	/** A WebSocket that sends whatever it is given and keeps what comes back as text. */
	private static final class RawSocket implements WebSocket.Listener {

		private final StringBuffer received = new StringBuffer();

		private final CompletableFuture<Void> closed = new CompletableFuture<>();

		private WebSocket socket;

		static RawSocket open() throws Exception {
			RawSocket raw = new RawSocket();
			raw.socket = HttpClient.newHttpClient()
				.newWebSocketBuilder()
				.buildAsync(URI.create(E2eStack.gatewayWebSocketUrl()), raw)
				.get(10, TimeUnit.SECONDS);
			return raw;
		}

		void send(String text) throws Exception {
			this.socket.sendText(text, true).get(10, TimeUnit.SECONDS);
		}

		void sendAny(Object frame) {
			try {
				if (frame instanceof ByteBuffer bytes) {
					this.socket.sendBinary(bytes, true).get(10, TimeUnit.SECONDS);
				}
				else {
					this.socket.sendText((String) frame, true).get(10, TimeUnit.SECONDS);
				}
			}
			catch (Exception ex) {
				// the server closed the socket: that is an answer too
			}
		}

		boolean isOpen() {
			return !this.closed.isDone() && !this.socket.isOutputClosed();
		}

		void awaitText(String text, Duration within) {
			await().atMost(within).until(() -> this.received.indexOf(text) >= 0 || this.closed.isDone());
		}

		/** Gives the server a moment to answer the last frame (or close). */
		void settle(Duration quiet) throws InterruptedException {
			try {
				this.closed.get(quiet.toMillis(), TimeUnit.MILLISECONDS);
			}
			catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException ex) {
				// still open, or closed abruptly: either is fine
			}
		}

		String received() {
			return this.received.toString();
		}

		void abort() {
			this.socket.abort();
		}

		@Override
		public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
			this.received.append(data);
			webSocket.request(1);
			return null;
		}

		@Override
		public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
			this.received.append("[close ").append(statusCode).append(' ').append(reason).append(']');
			this.closed.complete(null);
			return null;
		}

		@Override
		public void onError(WebSocket webSocket, Throwable error) {
			this.closed.complete(null);
		}

	}

}
