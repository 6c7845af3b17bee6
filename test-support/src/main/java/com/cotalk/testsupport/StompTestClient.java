package com.cotalk.testsupport;

import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import jakarta.websocket.ContainerProvider;
import jakarta.websocket.WebSocketContainer;

import org.jspecify.annotations.Nullable;
import org.springframework.messaging.Message;
import org.springframework.messaging.MessageHeaders;
import org.springframework.messaging.converter.AbstractMessageConverter;
import org.springframework.messaging.simp.stomp.StompCommand;
import org.springframework.messaging.simp.stomp.StompFrameHandler;
import org.springframework.messaging.simp.stomp.StompHeaders;
import org.springframework.messaging.simp.stomp.StompSession;
import org.springframework.messaging.simp.stomp.StompSessionHandlerAdapter;
import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;
import org.springframework.util.MimeTypeUtils;
import org.springframework.web.socket.WebSocketHttpHeaders;
import org.springframework.web.socket.client.standard.StandardWebSocketClient;
import org.springframework.web.socket.messaging.WebSocketStompClient;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A real STOMP client on a real WebSocket, as an app would be: the token in
 * {@code CONNECT}, subscribed to its events and errors, every frame it got kept for the
 * test to inspect.
 */
public final class StompTestClient implements AutoCloseable {

	public static final Duration WAIT = Duration.ofSeconds(10);

	/**
	 * A CONNECT through the gateway right after the stack started once took over 10 s on
	 * the shared 2-core machine (1 run in 4); the wait for CONNECTED is longer than for
	 * events.
	 */
	public static final Duration CONNECT_WAIT = Duration.ofSeconds(30);

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final WebSocketStompClient CLIENT = client();

	public final BlockingQueue<JsonNode> events = new LinkedBlockingQueue<>();

	public final BlockingQueue<JsonNode> errors = new LinkedBlockingQueue<>();

	public final BlockingQueue<String> errorFrames = new LinkedBlockingQueue<>();

	/**
	 * Everything that arrived on either queue, in arrival order, whatever the tests took
	 * from {@link #events} and {@link #errors}.
	 */
	public final List<JsonNode> received = new CopyOnWriteArrayList<>();

	public final CompletableFuture<Throwable> closed = new CompletableFuture<>();

	private final CompletableFuture<StompSession> connected;

	private StompTestClient(String url, @Nullable String token, @Nullable String origin) {
		WebSocketHttpHeaders handshake = new WebSocketHttpHeaders();
		if (origin != null) {
			handshake.setOrigin(origin);
		}
		StompHeaders connect = new StompHeaders();
		if (token != null) {
			connect.add("Authorization", "Bearer " + token);
		}
		this.connected = CLIENT.connectAsync(url, handshake, connect, new Handler());
	}

	/** Connects without waiting, for tests of refused connections. */
	public static StompTestClient attempt(int port, @Nullable String token, @Nullable String origin) {
		return attemptUrl(local(port), token, origin);
	}

	public static StompTestClient attemptUrl(String url, @Nullable String token, @Nullable String origin) {
		return new StompTestClient(url, token, origin);
	}

	/** Connected and subscribed to both queues (both confirmed by receipts). */
	public static StompTestClient connect(int port, String token) {
		return connect(local(port), token);
	}

	/**
	 * Connected to the WebSocket URL (e.g. the gateway's {@code ws://host/ws}) and
	 * subscribed to both queues.
	 */
	public static StompTestClient connect(String url, String token) {
		StompTestClient client = new StompTestClient(url, token, null);
		StompSession session = client.session();
		CompletableFuture<Void> events = client.subscribe(session, "/user/queue/events", client.events);
		CompletableFuture<Void> errors = client.subscribe(session, "/user/queue/errors", client.errors);
		CompletableFuture.allOf(events, errors).orTimeout(WAIT.toSeconds(), TimeUnit.SECONDS).join();
		return client;
	}

	private static String local(int port) {
		return "ws://127.0.0.1:" + port + "/ws";
	}

	public StompSession session() {
		return this.connected.orTimeout(CONNECT_WAIT.toSeconds(), TimeUnit.SECONDS).join();
	}

	public CompletableFuture<StompSession> connected() {
		return this.connected;
	}

	/** Sends a JSON body (a Map or a raw string) with a receipt header. */
	public CompletableFuture<Void> send(String destination, Object body, String receipt) {
		StompHeaders headers = new StompHeaders();
		headers.setDestination(destination);
		headers.setReceipt(receipt);
		headers.setContentType(MimeTypeUtils.APPLICATION_JSON);
		String text = (body instanceof String raw) ? raw : JSON.writeValueAsString(body);
		CompletableFuture<Void> received = new CompletableFuture<>();
		session().send(headers, text).addReceiptTask(() -> received.complete(null));
		return received;
	}

	public CompletableFuture<Void> sendMessage(UUID roomId, String clientMsgId, String content, String receipt) {
		return send("/app/rooms/" + roomId + "/messages",
				Map.of("clientMsgId", clientMsgId, "contentType", "TEXT", "content", content), receipt);
	}

	public JsonNode nextEvent(String type) throws InterruptedException {
		return next(this.events, type);
	}

	public JsonNode nextError() throws InterruptedException {
		JsonNode error = this.errors.poll(WAIT.toMillis(), TimeUnit.MILLISECONDS);
		if (error == null) {
			throw new AssertionError("no error event");
		}
		return error;
	}

	/** The events of the type that arrive within the time, in arrival order. */
	public List<JsonNode> eventsWithin(String type, Duration within) throws InterruptedException {
		List<JsonNode> found = new ArrayList<>();
		long deadline = System.nanoTime() + within.toNanos();
		long left;
		while ((left = deadline - System.nanoTime()) > 0) {
			JsonNode event = this.events.poll(left, TimeUnit.NANOSECONDS);
			if (event != null && type.equals(event.path("type").asString())) {
				found.add(event);
			}
		}
		return found;
	}

	private static JsonNode next(BlockingQueue<JsonNode> queue, String type) throws InterruptedException {
		long deadline = System.nanoTime() + WAIT.toNanos();
		long left;
		while ((left = deadline - System.nanoTime()) > 0) {
			JsonNode event = queue.poll(left, TimeUnit.NANOSECONDS);
			if (event != null && type.equals(event.path("type").asString())) {
				return event;
			}
		}
		throw new AssertionError("no " + type + " event within " + WAIT);
	}

	private CompletableFuture<Void> subscribe(StompSession session, String destination, BlockingQueue<JsonNode> into) {
		StompHeaders headers = new StompHeaders();
		headers.setDestination(destination);
		headers.setReceipt("sub-" + destination);
		CompletableFuture<Void> confirmed = new CompletableFuture<>();
		session.subscribe(headers, new StompFrameHandler() {
			@Override
			public Type getPayloadType(StompHeaders frame) {
				return String.class;
			}

			@Override
			public void handleFrame(StompHeaders frame, @Nullable Object payload) {
				JsonNode event = JSON.readTree((String) payload);
				StompTestClient.this.received.add(event);
				into.add(event);
			}
		}).addReceiptTask(() -> confirmed.complete(null));
		return confirmed;
	}

	@Override
	public void close() {
		if (this.connected.isDone() && !this.connected.isCompletedExceptionally()) {
			StompSession session = this.connected.join();
			if (session.isConnected()) {
				session.disconnect();
			}
		}
	}

	private static WebSocketStompClient client() {
		// Tomcat's client takes 8 KiB messages by default; an event may be larger
		WebSocketContainer container = ContainerProvider.getWebSocketContainer();
		container.setDefaultMaxTextMessageBufferSize(256 * 1024);
		WebSocketStompClient client = new WebSocketStompClient(new StandardWebSocketClient(container));
		client.setMessageConverter(new JsonTextConverter());
		client.setInboundMessageSizeLimit(256 * 1024);
		ThreadPoolTaskScheduler scheduler = new ThreadPoolTaskScheduler();
		scheduler.setPoolSize(2);
		scheduler.setDaemon(true);
		scheduler.initialize();
		client.setTaskScheduler(scheduler);
		client.setReceiptTimeLimit(StompTestClient.WAIT.toMillis() * 3);
		return client;
	}

	private final class Handler extends StompSessionHandlerAdapter {

		@Override
		public Type getPayloadType(StompHeaders headers) {
			return String.class;
		}

		@Override
		public void handleFrame(StompHeaders headers, @Nullable Object payload) {
			String message = headers.getFirst("message");
			StompTestClient.this.errorFrames.add((message != null) ? message : "");
		}

		@Override
		public void handleException(StompSession session, @Nullable StompCommand command, StompHeaders headers,
				byte[] payload, Throwable exception) {
			StompTestClient.this.closed.complete(exception);
		}

		@Override
		public void handleTransportError(StompSession session, Throwable exception) {
			StompTestClient.this.closed.complete(exception);
		}

	}

	/** JSON bodies as text both ways, so that a test can also send malformed JSON. */
	private static final class JsonTextConverter extends AbstractMessageConverter {

		JsonTextConverter() {
			super(MimeTypeUtils.APPLICATION_JSON);
			setStrictContentTypeMatch(false);
		}

		@Override
		protected boolean supports(Class<?> clazz) {
			return String.class == clazz;
		}

		@Override
		protected Object convertFromInternal(Message<?> message, Class<?> targetClass,
				@Nullable Object conversionHint) {
			Object payload = message.getPayload();
			return (payload instanceof byte[] bytes) ? new String(bytes, StandardCharsets.UTF_8) : payload.toString();
		}

		@Override
		protected Object convertToInternal(Object payload, @Nullable MessageHeaders headers,
				@Nullable Object conversionHint) {
			return ((String) payload).getBytes(StandardCharsets.UTF_8);
		}

	}

}
