package com.cotalk.bench;

import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

import org.springframework.messaging.Message;
import org.springframework.messaging.MessageHeaders;
import org.springframework.messaging.converter.AbstractMessageConverter;
import org.springframework.messaging.simp.stomp.StompFrameHandler;
import org.springframework.messaging.simp.stomp.StompHeaders;
import org.springframework.messaging.simp.stomp.StompSession;
import org.springframework.messaging.simp.stomp.StompSessionHandlerAdapter;
import org.springframework.util.MimeTypeUtils;
import org.springframework.web.socket.client.standard.StandardWebSocketClient;
import org.springframework.web.socket.messaging.WebSocketStompClient;

/**
 * Fan-out load over real STOMP clients on real WebSockets: {@code connections} clients in
 * rooms of {@code room-size}, messages offered at {@code rate} per second for
 * {@code duration} seconds, each sent by one member and expected once at every member
 * (the sender included). Reports delivered messages per second, end-to-end latency (send
 * to delivery, one clock: the generator's), errors, and lost and duplicate deliveries
 * after a drain.
 */
final class StompLoadBench {

	private final StompTarget target;

	private final int connections;

	private final int roomSize;

	private final int rate;

	private final int seconds;

	/** Connections opened at once. */
	private final int connectBatch;

	/**
	 * Connections opened per second at most (0: no limit); the gateway admits 50 new
	 * requests a second per address by default, WebSocket handshakes included.
	 */
	private final int connectRate;

	private final Map<Long, Long> sentAt = new ConcurrentHashMap<>();

	private final Map<Long, AtomicInteger> deliveries = new ConcurrentHashMap<>();

	private final AtomicLong delivered = new AtomicLong();

	private final AtomicLong errors = new AtomicLong();

	private final Latencies latencies;

	StompLoadBench(StompTarget target, Map<String, String> options) {
		this.target = target;
		this.connections = Integer.parseInt(options.getOrDefault("connections", "1000"));
		this.roomSize = Integer.parseInt(options.getOrDefault("room-size", "10"));
		this.rate = Integer.parseInt(options.getOrDefault("rate", "1000"));
		this.seconds = Integer.parseInt(options.getOrDefault("duration", "20"));
		this.connectBatch = Integer.parseInt(options.getOrDefault("connect-batch", "50"));
		this.connectRate = Integer.parseInt(options.getOrDefault("connect-rate", "0"));
		this.latencies = new Latencies(this.rate * this.seconds * this.roomSize * 2);
	}

	void run() throws Exception {
		WebSocketStompClient client = new WebSocketStompClient(new StandardWebSocketClient());
		client.setMessageConverter(new BytesConverter());
		client.setInboundMessageSizeLimit(64 * 1024);
		List<StompSession> sessions = connectAll(client);
		int rooms = this.connections / this.roomSize;
		Thread.sleep(1000); // subscriptions settle before the clock starts

		long intervalNanos = 1_000_000_000L / this.rate;
		long start = System.nanoTime();
		long total = (long) this.rate * this.seconds;
		long next = start;
		for (long id = 0; id < total; id++) {
			next += intervalNanos;
			long wait = next - System.nanoTime();
			if (wait > 0) {
				LockSupport.parkNanos(wait);
			}
			int room = (int) (id % rooms);
			int member = (int) ((id / rooms) % this.roomSize);
			StompSession sender = sessions.get(room * this.roomSize + member);
			this.sentAt.put(id, System.nanoTime());
			try {
				StompHeaders headers = new StompHeaders();
				headers.setDestination(this.target.destination(room));
				headers.setContentType(MimeTypeUtils.APPLICATION_JSON);
				sender.send(headers, this.target.body(id, room));
			}
			catch (RuntimeException ex) {
				this.errors.incrementAndGet();
			}
		}
		double sendSeconds = (System.nanoTime() - start) / 1e9;
		long deliveredInWindow = this.delivered.get();
		Thread.sleep(5000); // drain
		report(total, sendSeconds, deliveredInWindow);
		sessions.forEach(StompSession::disconnect);
	}

	private List<StompSession> connectAll(WebSocketStompClient client) throws Exception {
		List<StompSession> sessions = new ArrayList<>();
		long started = System.nanoTime();
		for (int from = 0; from < this.connections; from += this.connectBatch) {
			if (this.connectRate > 0) {
				long due = started + from * 1_000_000_000L / this.connectRate;
				LockSupport.parkNanos(due - System.nanoTime());
			}
			List<CompletableFuture<StompSession>> batch = new ArrayList<>();
			for (int i = from; i < Math.min(from + this.connectBatch, this.connections); i++) {
				batch.add(this.target.connect(client, i, new StompSessionHandlerAdapter() {
					@Override
					public void handleTransportError(StompSession session, Throwable exception) {
						StompLoadBench.this.errors.incrementAndGet();
					}

					@Override
					public void handleFrame(StompHeaders headers, Object payload) {
						// an ERROR frame: the server refused this client
						System.err.println("ERROR frame: " + headers.getFirst("message"));
						StompLoadBench.this.errors.incrementAndGet();
					}
				}));
			}
			for (int i = 0; i < batch.size(); i++) {
				StompSession session = batch.get(i).get(30, TimeUnit.SECONDS);
				int room = (from + i) / this.roomSize;
				session.subscribe(this.target.subscription(room), new Receiver());
				sessions.add(session);
			}
		}
		return sessions;
	}

	private final class Receiver implements StompFrameHandler {

		@Override
		public Type getPayloadType(StompHeaders headers) {
			return byte[].class;
		}

		@Override
		public void handleFrame(StompHeaders headers, Object payload) {
			long id = StompLoadBench.this.target.messageId((byte[]) payload);
			Long sent = (id >= 0) ? StompLoadBench.this.sentAt.get(id) : null;
			if (sent == null) {
				return;
			}
			long latency = System.nanoTime() - sent;
			synchronized (StompLoadBench.this.latencies) {
				StompLoadBench.this.latencies.record(latency);
			}
			StompLoadBench.this.delivered.incrementAndGet();
			StompLoadBench.this.deliveries.computeIfAbsent(id, (key) -> new AtomicInteger()).incrementAndGet();
		}

	}

	/**
	 * Bodies stay bytes whatever their content type (JSON for Co-Talk, anything for
	 * RabbitMQ).
	 */
	private static final class BytesConverter extends AbstractMessageConverter {

		BytesConverter() {
			super(List.of(MimeTypeUtils.APPLICATION_JSON, MimeTypeUtils.APPLICATION_OCTET_STREAM,
					MimeTypeUtils.TEXT_PLAIN));
			setStrictContentTypeMatch(false);
		}

		@Override
		protected boolean supports(Class<?> clazz) {
			return byte[].class == clazz;
		}

		@Override
		protected Object convertFromInternal(Message<?> message, Class<?> targetClass, Object conversionHint) {
			return message.getPayload();
		}

		@Override
		protected Object convertToInternal(Object payload, MessageHeaders headers, Object conversionHint) {
			return payload;
		}

	}

	private void report(long total, double sendSeconds, long deliveredInWindow) {
		long expected = total * this.roomSize;
		long lost = 0;
		long duplicates = 0;
		for (long id = 0; id < total; id++) {
			AtomicInteger count = this.deliveries.get(id);
			int got = (count != null) ? count.get() : 0;
			lost += Math.max(0, this.roomSize - got);
			duplicates += Math.max(0, got - this.roomSize);
		}
		System.out.printf("%s: %d connections, rooms of %d, offered %d msgs/s for %d s%n", this.target.name(),
				this.connections, this.roomSize, this.rate, this.seconds);
		System.out.printf("  sent %d in %.1f s; delivered %d of %d expected (%.0f deliveries/s during the run)%n",
				total, sendSeconds, this.delivered.get(), expected, deliveredInWindow / sendSeconds);
		synchronized (this.latencies) {
			System.out.println("  end-to-end latency: " + this.latencies.summary());
		}
		System.out.printf("  errors %d, lost %d, duplicates %d%n", this.errors.get(), lost, duplicates);
	}

}
