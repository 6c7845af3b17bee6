package com.cotalk.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import com.cotalk.testsupport.ApiClient;
import com.cotalk.testsupport.StompTestClient;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * {@code docs/asyncapi.yaml} is a valid AsyncAPI 3.0 document (checked against the
 * specification's own JSON Schema), and it describes what the server really sends: every
 * event and error a real STOMP client receives through the gateway in a conversation that
 * causes each kind is one of the document's messages and valid against its payload
 * schema, and each documented kind was seen.
 */
class AsyncApiDocumentTests {

	private static final Path DOCUMENT = Path.of("..", "docs", "asyncapi.yaml");

	/** Sent only while a chat-service instance shuts down: RollingRestartTests. */
	private static final Set<String> NOT_CAUSED_HERE = Set.of("reconnect");

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final SchemaRegistry SCHEMAS = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_7);

	private final ApiClient api = new ApiClient(E2eStack.gatewayUrl());

	@Test
	void isAValidAsyncApi3Document() throws IOException {
		JsonNode document = document();
		Schema specification;
		try (InputStream in = getClass().getResourceAsStream("/asyncapi/asyncapi-3.0.0.schema.json")) {
			specification = SCHEMAS.getSchema(in);
		}
		assertThat(specification.validate(document)).as("docs/asyncapi.yaml against AsyncAPI 3.0.0").isEmpty();
		assertThat(document.path("asyncapi").asString()).isEqualTo("3.0.0");
	}

	@Test
	void everyDocumentedExampleIsValidAgainstItsPayload() throws IOException {
		JsonNode document = document();
		List<String> invalid = new ArrayList<>();
		document.path("components").path("messages").properties().forEach((message) -> {
			for (JsonNode example : message.getValue().path("examples")) {
				if (example.has("payload")) {
					List<Error> errors = payloadSchema(document, message.getValue()).validate(example.path("payload"));
					errors.forEach((error) -> invalid.add(message.getKey() + ": " + error));
				}
			}
		});
		assertThat(invalid).isEmpty();
	}

	@Test
	void everyEventTheServerSendsIsADocumentedMessage() throws Exception {
		JsonNode document = document();
		Map<String, Schema> byType = eventSchemas(document);
		assertThat(byType).containsKeys("message", "error");

		Users.LoggedIn alice = Users.signUpAndLogIn(this.api, "Doc Alice");
		Users.LoggedIn bob = Users.signUpAndLogIn(this.api, "Doc Bob");
		assertThat(Users.awaitProfile(this.api, alice.accessToken()).status()).isEqualTo(200);
		assertThat(Users.awaitProfile(this.api, bob.accessToken()).status()).isEqualTo(200);
		try (StompTestClient bobs = StompTestClient.connect(E2eStack.gatewayWebSocketUrl(), bob.accessToken())) {
			// a friend request and its acceptance: notification events
			ApiClient.Response request = this.api.post("/api/friends/requests", alice.accessToken(),
					Map.of("userId", bob.userId()));
			assertThat(request.status()).as(request.toString()).isEqualTo(201);
			assertThat(this.api
				.post("/api/friends/requests/" + request.text("requestId") + "/accept", bob.accessToken(), null)
				.status()).isEqualTo(200);
			try (StompTestClient alices = StompTestClient.connect(E2eStack.gatewayWebSocketUrl(),
					alice.accessToken())) {
				// alice's first session: presence for her friend bob
				UUID room = UUID.fromString(this.api
					.post("/api/rooms", alice.accessToken(),
							Map.of("type", "GROUP", "name", "문서 확인", "memberIds", List.of(bob.userId())))
					.text("roomId"));
				alices.sendMessage(room, "doc-1", "@Doc Bob 문서 봤어?", "r-1").get();
				bobs.send("/app/rooms/" + room + "/read", Map.of("seq", 1), "r-2").get();
				bobs.send("/app/rooms/" + room + "/typing", Map.of("typing", true), "r-3").get();
				assertThat(this.api
					.patch("/api/rooms/" + room + "/messages/1", alice.accessToken(), Map.of("content", "문서 봤어?"))
					.status()).isEqualTo(200);
				assertThat(this.api.delete("/api/rooms/" + room + "/messages/1", alice.accessToken()).status())
					.isEqualTo(204);
				alices.sendMessage(UUID.randomUUID(), "doc-2", "nobody's room", "r-4");

				Set<String> expected = new TreeSet<>(byType.keySet());
				expected.removeAll(NOT_CAUSED_HERE);
				await().atMost(Duration.ofSeconds(15))
					.untilAsserted(() -> assertThat(types(alices, bobs)).as("event types received so far")
						.containsAll(expected));

				List<String> invalid = new ArrayList<>();
				Stream.concat(alices.received.stream(), bobs.received.stream()).forEach((event) -> {
					Schema schema = byType.get(event.path("type").asString());
					if (schema == null) {
						invalid.add("undocumented event " + event);
						return;
					}
					schema.validate(event).forEach((error) -> invalid.add(event + ": " + error));
				});
				assertThat(invalid).as("events that docs/asyncapi.yaml does not describe").isEmpty();
			}
		}
	}

	private static Set<String> types(StompTestClient... clients) {
		Set<String> types = new TreeSet<>();
		for (StompTestClient client : clients) {
			client.received.forEach((event) -> types.add(event.path("type").asString()));
		}
		return types;
	}

	/**
	 * The payload schema of every message on the events and errors channels, by the
	 * {@code type} constant each payload declares.
	 */
	private static Map<String, Schema> eventSchemas(JsonNode document) {
		Map<String, Schema> byType = new TreeMap<>();
		for (String channel : List.of("events", "errors")) {
			for (JsonNode reference : document.path("channels").path(channel).path("messages")) {
				JsonNode message = resolve(document, reference);
				JsonNode payload = resolve(document, message.path("payload"));
				String type = typeConstant(document, payload);
				assertThat(type).as("the type constant of " + reference).isNotEmpty();
				byType.put(type, payloadSchema(document, message));
			}
		}
		return byType;
	}

	private static String typeConstant(JsonNode document, JsonNode payload) {
		String type = payload.path("properties").path("type").path("const").asString("");
		if (type.isEmpty()) {
			for (JsonNode part : payload.path("allOf")) {
				type = typeConstant(document, resolve(document, part));
				if (!type.isEmpty()) {
					break;
				}
			}
		}
		return type;
	}

	/**
	 * A schema of the message's payload that can follow the document's own references
	 * ({@code #/components/schemas/...}).
	 */
	private static Schema payloadSchema(JsonNode document, JsonNode message) {
		ObjectNode schema = JSON.createObjectNode();
		schema.set("components", document.path("components"));
		JsonNode payload = message.path("payload");
		if (payload.has("$ref")) {
			schema.put("$ref", payload.path("$ref").asString());
		}
		else {
			schema.set("allOf", JSON.createArrayNode().add(payload));
		}
		return SCHEMAS.getSchema(schema);
	}

	private static JsonNode resolve(JsonNode document, JsonNode node) {
		String ref = node.path("$ref").asString("");
		return ref.startsWith("#/") ? document.at(ref.substring(1)) : node;
	}

	private static JsonNode document() throws IOException {
		return YAMLMapper.builder().build().readTree(Files.readString(DOCUMENT));
	}

}
