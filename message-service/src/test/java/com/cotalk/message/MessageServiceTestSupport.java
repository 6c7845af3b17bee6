package com.cotalk.message;

import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.redis.connection.RedisStreamCommands;
import org.springframework.data.redis.connection.stream.MapRecord;
import org.springframework.data.redis.connection.stream.RecordId;
import org.springframework.data.redis.core.RedisCallback;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.cotalk.common.Headers;
import com.cotalk.common.messages.MessageEvent;
import com.cotalk.common.messages.MessageKeys;
import com.cotalk.testsupport.ApiClient;
import com.cotalk.testsupport.InfrastructureContextCustomizerFactory;

import tools.jackson.databind.json.JsonMapper;

/**
 * The running service against the shared test PostgreSQL and Redis, reading the real
 * partition streams (all 16, as in production) with the real consumer group. Tests append
 * entries exactly as chat-service does, for rooms with random ids, so they run in any
 * order and repeatedly. Only timings are shortened: entries are claimed after 2 s instead
 * of 30 s and dead-lettered after 3 deliveries instead of 5, so that crash recovery is
 * observable within a test.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "cotalk.messages.persistence.claim-idle=2s", "cotalk.messages.persistence.claim-interval=1s",
				"cotalk.messages.persistence.max-deliveries=3", "cotalk.messages.persistence.trim-interval=500ms" })
public abstract class MessageServiceTestSupport {

	public static final FakeChatService CHAT = FakeChatService.start();

	public static final Map<String, String> INTERNAL = Map.of(Headers.INTERNAL_TOKEN,
			InfrastructureContextCustomizerFactory.INTERNAL_TOKEN);

	protected static final JsonMapper JSON = JsonMapper.builder().build();

	@LocalServerPort
	protected int port;

	@Autowired
	protected StringRedisTemplate redis;

	@Autowired
	protected JdbcClient jdbc;

	protected ApiClient api;

	@DynamicPropertySource
	static void chatService(DynamicPropertyRegistry registry) {
		registry.add("cotalk.message.chat-service-url", CHAT::url);
	}

	@BeforeEach
	void connect() {
		this.api = new ApiClient("http://127.0.0.1:" + this.port);
	}

	protected static MessageEvent message(UUID roomId, long seq) {
		return MessageEvent.accepted(UUID.randomUUID(), roomId, seq, UUID.randomUUID(), "c-" + seq, "TEXT",
				"message " + seq, Instant.now().truncatedTo(ChronoUnit.MICROS));
	}

	protected static int partition(UUID roomId) {
		return MessageKeys.partition(roomId, MessageKeys.DEFAULT_PARTITIONS);
	}

	/**
	 * Appends the event to its room's partition stream as chat-service does: its JSON in
	 * the {@code event} field.
	 */
	protected String append(MessageEvent event) {
		return appendRaw(partition(event.roomId()), JSON.writeValueAsString(event));
	}

	protected String appendRaw(int partition, String eventField) {
		RecordId id = this.redis.opsForStream()
			.add(MapRecord.create(MessageKeys.stream(partition), Map.of(MessageKeys.EVENT_FIELD, eventField)));
		return id.getValue();
	}

	/** Appends many events in one pipeline. */
	protected void appendAll(List<MessageEvent> events) {
		List<String> texts = new ArrayList<>(events.size());
		events.forEach((event) -> texts.add(JSON.writeValueAsString(event)));
		this.redis.executePipelined((RedisCallback<Object>) (connection) -> {
			RedisStreamCommands streams = connection.streamCommands();
			for (int i = 0; i < events.size(); i++) {
				byte[] key = MessageKeys.stream(partition(events.get(i).roomId())).getBytes();
				streams.xAdd(MapRecord.create(key,
						Map.of(MessageKeys.EVENT_FIELD.getBytes(), texts.get(i).getBytes(StandardCharsets.UTF_8))));
			}
			return null;
		});
	}

	protected long storedCount(UUID roomId) {
		return this.jdbc.sql("SELECT count(*) FROM messages.messages WHERE room_id = :roomId")
			.param("roomId", roomId)
			.query(Long.class)
			.single();
	}

	protected void awaitStored(UUID roomId, long count) {
		await().atMost(Duration.ofSeconds(30))
			.pollInterval(Duration.ofMillis(50))
			.until(() -> storedCount(roomId) >= count);
	}

	protected ApiClient.Response getInternal(String path) {
		return this.api.send("GET", path, null, null, INTERNAL);
	}

}
