package com.cotalk.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.redis.connection.stream.StreamRecords;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.DefaultRedisScript;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.cotalk.common.ids.UuidV7;
import com.cotalk.common.messages.MessageEvent;
import com.cotalk.common.messages.MessageKeys;
import com.cotalk.common.presence.PresenceKeys;
import com.cotalk.testsupport.ApiClient;
import com.cotalk.testsupport.TestTokens;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The running service on a random port against the shared test database and Redis, with
 * chat-service and user-service played by {@link FakeServices}, and abandoned entries
 * claimed after a second. Every test makes its own users, rooms and events with random
 * ids, so tests run in any order and again and again.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "cotalk.notification.consumer.claim-idle=1s",
				"cotalk.notification.consumer.claim-interval=300ms", "cotalk.notification.consumer.block=500ms",
				"cotalk.notification.consumer.max-backoff=300ms",
				// push dispatch reuses a room's members for this long: member look-ups
				// are countable
				"cotalk.notification.dispatch.members-cache=1m" })
public abstract class NotificationTestSupport {

	static final String GROUP = "notification-service";

	static final String TIMESTAMP = "\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.\\d{3}Z";

	static final FakeServices services = new FakeServices();

	/**
	 * Appends an entry and hands it at once to a consumer that dies with it: the entry
	 * stays pending until a live consumer claims it.
	 */
	private static final DefaultRedisScript<String> ADD_AND_ABANDON = new DefaultRedisScript<>("""
			local id = redis.call('XADD', KEYS[1], '*', 'event', ARGV[1])
			redis.call('XREADGROUP', 'GROUP', ARGV[2], ARGV[3], 'COUNT', 1000, 'STREAMS', KEYS[1], '>')
			return id""", String.class);

	@LocalServerPort
	int port;

	@Autowired
	protected StringRedisTemplate redis;

	@Autowired
	protected JsonMapper json;

	protected ApiClient api;

	@DynamicPropertySource
	static void otherServices(DynamicPropertyRegistry registry) {
		registry.add("cotalk.notification.chat-service-url", services::url);
		registry.add("cotalk.notification.user-service-url", services::url);
	}

	@BeforeEach
	void connect() {
		this.api = new ApiClient("http://127.0.0.1:" + this.port);
	}

	@AfterEach
	void servicesBackUp() {
		services.setDown(false);
	}

	protected TestUser user(String displayName) {
		UUID id = UUID.randomUUID();
		services.person(id, displayName);
		return new TestUser(id, TestTokens.accessToken(id));
	}

	/** Appends the event's JSON as the {@code event} field. */
	protected String append(String stream, Object event) {
		awaitGroup(stream);
		return this.redis.opsForStream()
			.add(StreamRecords.string(Map.of("event", toJson(event))).withStreamKey(stream))
			.getValue();
	}

	/** Appends the event for a consumer that crashes before acknowledging it. */
	protected void appendAbandoned(String stream, Object event) {
		awaitGroup(stream);
		this.redis.execute(ADD_AND_ABANDON, List.of(stream), toJson(event), GROUP, "crashed-" + UUID.randomUUID());
	}

	protected String toJson(Object event) {
		return (event instanceof String text) ? text : this.json.writeValueAsString(event);
	}

	/** The group is made by the service's reader as it starts. */
	protected void awaitGroup(String stream) {
		await("group of " + stream,
				() -> Boolean.TRUE.equals(this.redis.hasKey(stream)) && this.redis.opsForStream()
					.groups(stream)
					.stream()
					.anyMatch((group) -> GROUP.equals(group.groupName())));
	}

	/** A text message as chat-service accepts it. */
	protected static MessageEvent textMessage(UUID roomId, UUID senderId, long seq, String text) {
		return MessageEvent.accepted(UuidV7.next(), roomId, seq, senderId, "c-" + UUID.randomUUID(), "TEXT", text,
				Instant.now());
	}

	/** The partition stream of the room's messages. */
	protected static String messageStream(UUID roomId) {
		return MessageKeys.stream(MessageKeys.partition(roomId, MessageKeys.DEFAULT_PARTITIONS));
	}

	/** Appends a text message to the room's stream, which it returns. */
	protected String sendText(UUID roomId, UUID senderId, long seq, String text) {
		String stream = messageStream(roomId);
		append(stream, textMessage(roomId, senderId, seq, text));
		return stream;
	}

	/**
	 * A live session of the user on a chat-service instance, as chat-service records it.
	 */
	protected void online(TestUser user, String instanceId, String sessionId) {
		String key = PresenceKeys.key(user.id());
		this.redis.opsForZSet()
			.add(key, instanceId + ":" + sessionId, System.currentTimeMillis() + PresenceKeys.SESSION_TTL_MILLIS);
		this.redis.expire(key, Duration.ofMinutes(2));
	}

	protected static void sleep(long millis) {
		try {
			Thread.sleep(millis);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	protected JsonNode inbox(TestUser user) {
		ApiClient.Response list = this.api.get("/api/notifications", user.token());
		assertThat(list.status()).as(list.toString()).isEqualTo(200);
		return list.json();
	}

	protected List<JsonNode> items(TestUser user) {
		return inbox(user).path("items").valueStream().toList();
	}

	/** Waits until the inbox holds a notification like that, and returns the inbox. */
	protected List<JsonNode> awaitItem(TestUser user, Predicate<JsonNode> matching) {
		await("a notification for " + user.id(), () -> items(user).stream().anyMatch(matching));
		return items(user);
	}

	/**
	 * Everything appended so far has been read by the group and nothing is pending: all
	 * of it has been handled.
	 */
	protected void awaitSettled(String stream) {
		String last = this.redis.opsForStream().info(stream).lastGeneratedId();
		await("everything up to " + last + " of " + stream + " handled", () -> {
			String delivered = this.redis.opsForStream()
				.groups(stream)
				.stream()
				.filter((group) -> GROUP.equals(group.groupName()))
				.findFirst()
				.orElseThrow()
				.lastDeliveredId();
			return compareIds(delivered, last) >= 0
					&& this.redis.opsForStream().pending(stream, GROUP).getTotalPendingMessages() == 0;
		});
	}

	private static int compareIds(String one, String other) {
		String[] a = one.split("-");
		String[] b = other.split("-");
		int millis = Long.compare(Long.parseLong(a[0]), Long.parseLong(b[0]));
		return (millis != 0) ? millis : Long.compare(Long.parseLong(a[1]), Long.parseLong(b[1]));
	}

	protected static void await(String what, java.util.function.BooleanSupplier condition) {
		long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
		while (!condition.getAsBoolean()) {
			if (System.nanoTime() > deadline) {
				throw new AssertionError("Timed out waiting for " + what);
			}
			try {
				Thread.sleep(50);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new AssertionError(ex);
			}
		}
	}

	static void assertProblem(ApiClient.Response response, int status, String code) {
		assertThat(response.status()).as(response.toString()).isEqualTo(status);
		assertThat(response.contentType()).startsWith("application/problem+json");
		assertThat(response.text("code")).isEqualTo(code);
	}

	static void assertValidationFailed(ApiClient.Response response, String field) {
		assertProblem(response, 400, "VALIDATION_FAILED");
		assertThat(response.json().path("errors").valueStream().map((error) -> error.path("field").asString()))
			.as(response.toString())
			.contains(field);
	}

	protected record TestUser(UUID id, String token) {
	}

}
