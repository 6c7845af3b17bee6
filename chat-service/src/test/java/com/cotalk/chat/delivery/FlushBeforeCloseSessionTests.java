package com.cotalk.chat.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.security.Principal;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.TextMessage;
import org.springframework.web.socket.WebSocketExtension;
import org.springframework.web.socket.WebSocketMessage;
import org.springframework.web.socket.WebSocketSession;

/**
 * The close after an {@code ERROR} frame, while another thread is in the middle of a
 * write. A real socket cannot be held mid-write on cue, so {@link Socket} stands in for
 * Tomcat's session: its first write blocks until the test lets it go.
 */
class FlushBeforeCloseSessionTests {

	/** Longer than production's, so that a busy machine cannot outlast it. */
	private static final Duration WAIT = Duration.ofSeconds(5);

	@Test
	void anErrorFrameWrittenDuringAnotherWriteReachesTheClientBeforeTheClose() throws Exception {
		Socket socket = new Socket();
		FlushBeforeCloseSession session = new FlushBeforeCloseSession(socket, 10_000, 512 * 1024, WAIT);
		CompletableFuture<Void> connected = CompletableFuture.runAsync(() -> send(session, "CONNECTED"),
				Thread.ofVirtual()::start);
		assertThat(socket.writing.await(5, TimeUnit.SECONDS)).isTrue();

		// what Spring's STOMP handler does with an ERROR frame: write it, then close
		session.sendMessage(new TextMessage("ERROR"));
		CompletableFuture<Void> closed = CompletableFuture.runAsync(() -> close(session), Thread.ofVirtual()::start);
		Thread.sleep(100);
		assertThat(closed).as("the close waits for the buffered frame").isNotDone();
		socket.release.countDown();

		connected.get(5, TimeUnit.SECONDS);
		closed.get(5, TimeUnit.SECONDS);
		assertThat(socket.events).containsExactly("CONNECTED", "ERROR", "close 1002");
	}

	@Test
	void aSlowConsumerIsClosedWithoutWaiting() throws Exception {
		Socket socket = new Socket();
		FlushBeforeCloseSession session = new FlushBeforeCloseSession(socket, 10_000, 512 * 1024, WAIT);
		CompletableFuture.runAsync(() -> send(session, "event 1"), Thread.ofVirtual()::start);
		assertThat(socket.writing.await(5, TimeUnit.SECONDS)).isTrue();
		session.sendMessage(new TextMessage("event 2"));

		long started = System.nanoTime();
		session.close(CloseStatus.SESSION_NOT_RELIABLE);
		assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started)).isLessThan(WAIT.toMillis() / 2);
		assertThat(socket.events).containsExactly("close " + CloseStatus.SESSION_NOT_RELIABLE.getCode());
		socket.release.countDown();
	}

	private static void send(WebSocketSession session, String text) {
		try {
			session.sendMessage(new TextMessage(text));
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static void close(WebSocketSession session) {
		try {
			session.close(CloseStatus.PROTOCOL_ERROR);
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** Records what was written; the first write blocks until released. */
	private static final class Socket implements WebSocketSession {

		final List<String> events = new CopyOnWriteArrayList<>();

		final CountDownLatch writing = new CountDownLatch(1);

		final CountDownLatch release = new CountDownLatch(1);

		private volatile boolean open = true;

		@Override
		public void sendMessage(WebSocketMessage<?> message) throws IOException {
			if (this.writing.getCount() > 0) {
				this.writing.countDown();
				try {
					this.release.await(5, TimeUnit.SECONDS);
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
				}
			}
			if (this.open) {
				this.events.add(((TextMessage) message).getPayload());
			}
		}

		@Override
		public void close(CloseStatus status) {
			this.open = false;
			this.events.add("close " + status.getCode());
		}

		@Override
		public void close() {
			close(CloseStatus.NORMAL);
		}

		@Override
		public boolean isOpen() {
			return this.open;
		}

		@Override
		public String getId() {
			return "s-1";
		}

		@Override
		public @Nullable URI getUri() {
			return null;
		}

		@Override
		public HttpHeaders getHandshakeHeaders() {
			return new HttpHeaders();
		}

		@Override
		public Map<String, Object> getAttributes() {
			return Map.of();
		}

		@Override
		public @Nullable Principal getPrincipal() {
			return null;
		}

		@Override
		public @Nullable InetSocketAddress getLocalAddress() {
			return null;
		}

		@Override
		public @Nullable InetSocketAddress getRemoteAddress() {
			return null;
		}

		@Override
		public @Nullable String getAcceptedProtocol() {
			return "v12.stomp";
		}

		@Override
		public void setTextMessageSizeLimit(int messageSizeLimit) {
		}

		@Override
		public int getTextMessageSizeLimit() {
			return 64 * 1024;
		}

		@Override
		public void setBinaryMessageSizeLimit(int messageSizeLimit) {
		}

		@Override
		public int getBinaryMessageSizeLimit() {
			return 64 * 1024;
		}

		@Override
		public List<WebSocketExtension> getExtensions() {
			return List.of();
		}

	}

}
