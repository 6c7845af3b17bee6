package com.cotalk.chat;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.domain.Range;
import org.springframework.data.redis.connection.stream.MapRecord;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.cotalk.common.Headers;
import com.cotalk.common.messages.MessageEvent;
import com.cotalk.common.messages.MessageKeys;
import com.cotalk.testsupport.ApiClient;
import com.cotalk.testsupport.InfrastructureContextCustomizerFactory;
import com.cotalk.testsupport.TestInfrastructure;
import com.cotalk.testsupport.TestTokens;

import tools.jackson.databind.json.JsonMapper;

/**
 * The running service on a random port against the shared test database and Redis, with
 * user-, friend- and message-service played by {@link FakeServices}. Every test makes its
 * own users and rooms with random ids.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
public abstract class ChatApiTestSupport {

	static final String TIMESTAMP = "\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.\\d{3}Z";

	static final Map<String, String> INTERNAL = Map.of(Headers.INTERNAL_TOKEN,
			InfrastructureContextCustomizerFactory.INTERNAL_TOKEN);

	static final FakeServices fakes = new FakeServices();

	static final JsonMapper JSON = JsonMapper.builder().build();

	@LocalServerPort
	int port;

	@Autowired
	StringRedisTemplate redis;

	protected ApiClient api;

	@DynamicPropertySource
	static void otherServices(DynamicPropertyRegistry registry) {
		registry.add("cotalk.chat.user-service-url", fakes::url);
		registry.add("cotalk.chat.friend-service-url", fakes::url);
		registry.add("cotalk.chat.message-service-url", fakes::url);
	}

	@BeforeEach
	void connect() {
		this.api = new ApiClient("http://127.0.0.1:" + this.port);
	}

	/**
	 * Another chat-service instance on the same database and Redis, with the same fakes;
	 * {@code overrides} are {@code name=value} properties.
	 */
	static ConfigurableApplicationContext startInstance(String... overrides) {
		TestInfrastructure.Postgres pg = TestInfrastructure.postgres();
		Map<String, Object> properties = new LinkedHashMap<>();
		properties.put("server.port", "0");
		properties.put("spring.datasource.url", pg.jdbcUrl());
		properties.put("spring.datasource.username", pg.user());
		properties.put("spring.datasource.password", pg.password());
		properties.put("spring.data.redis.url", TestInfrastructure.redisUrl());
		properties.put("cotalk.security.jwt.jwks-uri", TestTokens.jwksUri());
		properties.put("cotalk.security.internal-token", InfrastructureContextCustomizerFactory.INTERNAL_TOKEN);
		properties.put("cotalk.chat.user-service-url", fakes.url());
		properties.put("cotalk.chat.friend-service-url", fakes.url());
		properties.put("cotalk.chat.message-service-url", fakes.url());
		for (String override : overrides) {
			properties.put(override.substring(0, override.indexOf('=')), override.substring(override.indexOf('=') + 1));
		}
		// as arguments: builder properties are defaults, below application.yml
		String[] args = properties.entrySet()
			.stream()
			.map((e) -> "--" + e.getKey() + "=" + e.getValue())
			.toArray(String[]::new);
		return new SpringApplicationBuilder(ChatServiceApplication.class).run(args);
	}

	static int portOf(ConfigurableApplicationContext instance) {
		return Integer.parseInt(instance.getEnvironment().getRequiredProperty("local.server.port"));
	}

	TestUser user(String displayName) {
		UUID id = UUID.randomUUID();
		fakes.registerUser(id, displayName);
		return new TestUser(id, TestTokens.accessToken(id));
	}

	ApiClient.Response openDirect(TestUser caller, TestUser other) {
		return this.api.post("/api/rooms", caller.token(),
				Map.of("type", "DIRECT", "memberIds", List.of(other.id().toString())));
	}

	UUID group(TestUser creator, String name, TestUser... members) {
		List<String> ids = new ArrayList<>();
		for (TestUser member : members) {
			ids.add(member.id().toString());
		}
		ApiClient.Response created = this.api.post("/api/rooms", creator.token(),
				Map.of("type", "GROUP", "name", name, "memberIds", ids));
		assertThat(created.status()).as(created.toString()).isEqualTo(201);
		return UUID.fromString(created.text("roomId"));
	}

	ApiClient.Response send(TestUser sender, UUID roomId, String clientMsgId, String content) {
		return this.api.post("/api/rooms/" + roomId + "/messages", sender.token(),
				Map.of("clientMsgId", clientMsgId, "contentType", "TEXT", "content", content));
	}

	long sendOk(TestUser sender, UUID roomId, String content) {
		ApiClient.Response sent = send(sender, roomId, UUID.randomUUID().toString(), content);
		assertThat(sent.status()).as(sent.toString()).isEqualTo(201);
		return sent.json().path("seq").asLong();
	}

	/** The room's entries in its partition stream, oldest first, as their JSON text. */
	List<String> streamEntries(UUID roomId) {
		String key = MessageKeys.stream(MessageKeys.partition(roomId, MessageKeys.DEFAULT_PARTITIONS));
		List<MapRecord<String, Object, Object>> records = this.redis.opsForStream().range(key, Range.unbounded());
		List<String> events = new ArrayList<>();
		for (MapRecord<String, Object, Object> record : (records != null) ? records
				: List.<MapRecord<String, Object, Object>>of()) {
			String event = (String) record.getValue().get(MessageKeys.EVENT_FIELD);
			if (event != null && event.contains(roomId.toString())) {
				events.add(event);
			}
		}
		return events;
	}

	List<MessageEvent> streamEvents(UUID roomId) {
		return streamEntries(roomId).stream()
			.map((text) -> JSON.readValue(text, MessageEvent.class))
			.filter((event) -> event.roomId().equals(roomId))
			.toList();
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

	record TestUser(UUID id, String token) {
	}

}
