package com.cotalk.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.cotalk.testsupport.ApiClient;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * What the services really answer is what {@code docs/openapi.yaml} says: a whole
 * conversation through the gateway (sign-up to search, and the common errors), each
 * answer's status listed for its operation and its body valid against the documented
 * schema; and every example in the document valid against its own schema.
 */
class RestAnswersMatchTheDocumentTests {

	private static final SchemaRegistry SCHEMAS = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static JsonNode document;

	private final ApiClient api = new ApiClient(E2eStack.gatewayUrl());

	private final List<String> mismatches = new ArrayList<>();

	@BeforeAll
	static void fetchDocument() {
		document = new ApiClient(E2eStack.gatewayUrl()).get("/api/openapi.json", null).json();
	}

	@Test
	void everyAnswerOfAConversationIsDocumented() {
		String minjunEmail = Users.newEmail();
		check("POST", "/api/auth/signup", this.api.post("/api/auth/signup", null,
				Map.of("email", minjunEmail, "password", "correct horse", "displayName", "김민준")));
		check("POST", "/api/auth/signup", this.api.post("/api/auth/signup", null,
				Map.of("email", minjunEmail, "password", "correct horse", "displayName", "김민준")));
		check("POST", "/api/auth/signup",
				this.api.post("/api/auth/signup", null, Map.of("email", "not-an-email", "password", "short")));
		ApiClient.Response login = check("POST", "/api/auth/login",
				this.api.post("/api/auth/login", null, Map.of("email", minjunEmail, "password", "correct horse")));
		check("POST", "/api/auth/login",
				this.api.post("/api/auth/login", null, Map.of("email", minjunEmail, "password", "wrong horse")));
		check("POST", "/api/auth/refresh",
				this.api.post("/api/auth/refresh", null, Map.of("refreshToken", login.text("refreshToken"))));
		check("GET", "/api/auth/jwks", this.api.get("/api/auth/jwks", null));
		String minjun = this.api
			.post("/api/auth/login", null, Map.of("email", minjunEmail, "password", "correct horse"))
			.text("accessToken");
		Users.LoggedIn seoyeon = Users.signUpAndLogIn(this.api, "이서연");
		Users.awaitProfile(this.api, minjun);
		Users.awaitProfile(this.api, seoyeon.accessToken());

		check("GET", "/api/users/me", this.api.get("/api/users/me", minjun));
		check("GET", "/api/users/me", this.api.get("/api/users/me", null));
		check("PATCH", "/api/users/me", this.api.patch("/api/users/me", minjun, Map.of("statusMessage", "오늘도 화이팅")));
		check("GET", "/api/users/{userId}", this.api.get("/api/users/" + seoyeon.userId(), minjun));
		check("GET", "/api/users/{userId}", this.api.get("/api/users/" + UUID.randomUUID(), minjun));
		check("GET", "/api/users", this.api.get("/api/users?q=%EC%9D%B4%EC%84%9C", minjun));

		ApiClient.Response request = check("POST", "/api/friends/requests",
				this.api.post("/api/friends/requests", minjun, Map.of("userId", seoyeon.userId())));
		check("POST", "/api/friends/requests",
				this.api.post("/api/friends/requests", minjun, Map.of("userId", seoyeon.userId())));
		check("GET", "/api/friends/requests",
				this.api.get("/api/friends/requests?box=incoming", seoyeon.accessToken()));
		check("POST", "/api/friends/requests/{requestId}/accept", this.api
			.post("/api/friends/requests/" + request.text("requestId") + "/accept", seoyeon.accessToken(), null));
		check("GET", "/api/friends", this.api.get("/api/friends", minjun));
		check("GET", "/api/blocks", this.api.get("/api/blocks", minjun));

		ApiClient.Response room = check("POST", "/api/rooms",
				this.api.post("/api/rooms", minjun, Map.of("type", "DIRECT", "memberIds", List.of(seoyeon.userId()))));
		String roomId = room.text("roomId");
		check("POST", "/api/rooms",
				this.api.post("/api/rooms", minjun, Map.of("type", "DIRECT", "memberIds", List.of(seoyeon.userId()))));
		check("POST", "/api/rooms", this.api.post("/api/rooms", minjun,
				Map.of("type", "GROUP", "name", "점심 모임", "memberIds", List.of(seoyeon.userId()))));
		Map<String, String> text = Map.of("clientMsgId", "m-1", "contentType", "TEXT", "content", "서연아, 점심 먹었어?");
		check("POST", "/api/rooms/{roomId}/messages",
				this.api.post("/api/rooms/" + roomId + "/messages", minjun, text));
		check("POST", "/api/rooms/{roomId}/messages",
				this.api.post("/api/rooms/" + roomId + "/messages", minjun, text));
		check("POST", "/api/rooms/{roomId}/messages", this.api.post("/api/rooms/" + roomId + "/messages", minjun,
				Map.of("clientMsgId", "m-2", "contentType", "TEXT", "content", "")));
		check("POST", "/api/rooms/{roomId}/messages",
				this.api.post("/api/rooms/" + UUID.randomUUID() + "/messages", minjun, text));
		check("GET", "/api/rooms", this.api.get("/api/rooms", seoyeon.accessToken()));
		check("GET", "/api/rooms/{roomId}", this.api.get("/api/rooms/" + roomId, seoyeon.accessToken()));
		check("GET", "/api/rooms/{roomId}/messages",
				this.api.get("/api/rooms/" + roomId + "/messages?after=0", seoyeon.accessToken()));
		check("PATCH", "/api/rooms/{roomId}/messages/{seq}",
				this.api.patch("/api/rooms/" + roomId + "/messages/1", minjun, Map.of("content", "점심 먹었어?")));
		check("PATCH", "/api/rooms/{roomId}/messages/{seq}", this.api.patch("/api/rooms/" + roomId + "/messages/1",
				seoyeon.accessToken(), Map.of("content", "남의 메시지")));
		check("PUT", "/api/rooms/{roomId}/read",
				this.api.put("/api/rooms/" + roomId + "/read", seoyeon.accessToken(), Map.of("seq", 1)));
		check("PUT", "/api/rooms/{roomId}/settings",
				this.api.put("/api/rooms/" + roomId + "/settings", seoyeon.accessToken(), Map.of("muted", true)));
		check("GET", "/api/messages/search", this.api.get("/api/messages/search?q=%EC%A0%90%EC%8B%AC", minjun));
		check("GET", "/api/messages/search", this.api.get("/api/messages/search?q=x", minjun));
		check("GET", "/api/notifications", this.api.get("/api/notifications", seoyeon.accessToken()));
		check("GET", "/api/notifications/webpush/public-key",
				this.api.get("/api/notifications/webpush/public-key", minjun));
		check("DELETE", "/api/rooms/{roomId}/messages/{seq}",
				this.api.delete("/api/rooms/" + roomId + "/messages/1", minjun));
		check("POST", "/api/auth/logout",
				this.api.post("/api/auth/logout", null, Map.of("refreshToken", login.text("refreshToken"))));

		assertThat(this.mismatches).as("answers that docs/openapi.yaml does not describe").isEmpty();
	}

	@Test
	void everyExampleIsValidAgainstItsSchema() {
		List<String> invalid = new ArrayList<>();
		document.path("paths").properties().forEach((path) -> path.getValue().properties().forEach((method) -> {
			JsonNode operation = method.getValue();
			examples(path.getKey() + " " + method.getKey() + " request", operation.path("requestBody").path("content"),
					invalid);
			operation.path("responses")
				.properties()
				.forEach((status) -> examples(path.getKey() + " " + method.getKey() + " " + status.getKey(),
						resolve(status.getValue()).path("content"), invalid));
		}));
		document.path("components")
			.path("responses")
			.properties()
			.forEach((response) -> examples(response.getKey(), response.getValue().path("content"), invalid));
		assertThat(invalid).isEmpty();
	}

	private void examples(String where, JsonNode content, List<String> invalid) {
		content.properties().forEach((media) -> {
			JsonNode schemaNode = media.getValue().path("schema");
			if (schemaNode.isMissingNode()) {
				return;
			}
			Schema schema = schema(schemaNode);
			List<JsonNode> examples = new ArrayList<>();
			if (media.getValue().has("example")) {
				examples.add(media.getValue().path("example"));
			}
			media.getValue()
				.path("examples")
				.properties()
				.forEach((named) -> examples.add(named.getValue().path("value")));
			for (JsonNode example : examples) {
				schema.validate(example).forEach((error) -> invalid.add(where + ": " + error));
			}
		});
	}

	private ApiClient.Response check(String method, String template, ApiClient.Response answer) {
		String where = method + " " + template + " " + answer.status();
		JsonNode operation = document.path("paths").path(template).path(method.toLowerCase());
		if (operation.isMissingNode()) {
			this.mismatches.add(where + ": no such operation");
			return answer;
		}
		JsonNode response = resolve(operation.path("responses").path(String.valueOf(answer.status())));
		if (response.isMissingNode()) {
			this.mismatches.add(where + ": status not documented (" + answer.body() + ")");
			return answer;
		}
		if (answer.body().isEmpty()) {
			if (response.has("content")) {
				this.mismatches.add(where + ": documented with a body, answered without");
			}
			return answer;
		}
		String mediaType = answer.contentType().split(";")[0].trim();
		JsonNode schema = response.path("content").path(mediaType).path("schema");
		if (schema.isMissingNode()) {
			this.mismatches.add(where + ": " + mediaType + " not documented");
			return answer;
		}
		schema(schema).validate(JSON.readTree(answer.body()))
			.forEach((error) -> this.mismatches.add(where + ": " + error + " in " + answer.body()));
		return answer;
	}

	/**
	 * A schema that can follow the document's own references
	 * ({@code #/components/schemas/...}).
	 */
	private static Schema schema(JsonNode schema) {
		ObjectNode root = JSON.createObjectNode();
		root.set("components", document.path("components"));
		root.set("allOf", JSON.createArrayNode().add(schema));
		return SCHEMAS.getSchema(root);
	}

	private static JsonNode resolve(@Nullable JsonNode node) {
		if (node == null) {
			return JSON.missingNode();
		}
		String ref = node.path("$ref").asString("");
		return ref.startsWith("#/") ? document.at(ref.substring(1)) : node;
	}

}
