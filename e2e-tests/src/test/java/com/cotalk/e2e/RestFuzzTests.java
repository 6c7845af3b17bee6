package com.cotalk.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.cotalk.localstack.Service;
import com.cotalk.testsupport.ApiClient;

import tools.jackson.databind.JsonNode;

/**
 * Random and malformed JSON for every public REST operation that takes a body (taken from
 * the gateway's OpenAPI document, so a new operation is fuzzed without a change here):
 * random values of every type, size and depth, the documented example with one field made
 * nasty (control, bidi and zero-width characters, lone surrogates, huge strings, wrong
 * types), bodies that are not JSON or not UTF-8, wrong content types, and path variables
 * that are not ids. Whatever comes in, no answer is a 5xx, every error is problem+json
 * with a code and nothing internal, and afterwards every service is healthy and a normal
 * conversation works. Bounded: about 1,500 requests.
 */
class RestFuzzTests {

	private static final int PER_OPERATION = 40;

	private static final int MAX_BODY = 1024 * 1024;

	/** URI too long, headers too large. */
	private static final java.util.Set<Integer> PROTOCOL_REFUSALS = java.util.Set.of(414, 431);

	private static final List<String> INTERNALS = List.of("Exception", "at com.", "at org.", "SQL", "postgres", "jdbc",
			"lettuce", "redis.clients", "springframework", "127.0.0.1", "localhost");

	private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	static ApiClient api;

	static Users.LoggedIn user;

	static Users.LoggedIn other;

	static String roomId;

	@BeforeAll
	static void users() {
		api = new ApiClient(E2eStack.gatewayUrl());
		user = Users.signUpAndLogIn(api, "Fuzzer");
		other = Users.signUpAndLogIn(api, "Fuzzed");
		assertThat(Users.awaitProfile(api, user.accessToken()).status()).isEqualTo(200);
		assertThat(Users.awaitProfile(api, other.accessToken()).status()).isEqualTo(200);
		roomId = api
			.post("/api/rooms", user.accessToken(),
					Map.of("type", "GROUP", "name", "fuzz", "memberIds", List.of(other.userId())))
			.text("roomId");
	}

	@Test
	void noBodyMakesAnyServiceFailOrTellItsInsides() throws Exception {
		long seed = Fuzz.seed();
		Fuzz fuzz = new Fuzz(seed);
		JsonNode document = api.get("/api/openapi.json", null).json();
		List<String> failures = new ArrayList<>();
		int sent = 0;
		for (var path : document.path("paths").properties()) {
			for (var method : path.getValue().properties()) {
				JsonNode body = method.getValue().path("requestBody").path("content").path("application/json");
				if (body.isMissingNode()) {
					continue;
				}
				JsonNode example = body.path("example");
				for (int i = 0; i < PER_OPERATION; i++) {
					byte[] payload;
					String contentType = "application/json";
					switch (i % 5) {
						case 0 -> payload = fuzz.pick(Fuzz.RAW);
						case 1 -> payload = Fuzz.JSON.writeValueAsBytes(fuzz.anyJson(4));
						case 4 -> {
							payload = Fuzz.JSON.writeValueAsBytes(fuzz.mutate(example));
							contentType = fuzz.pick(List.of("text/plain", "application/xml",
									"application/json; charset=latin1", "multipart/form-data; boundary=x"));
						}
						default -> payload = Fuzz.JSON.writeValueAsBytes(fuzz.mutate(example));
					}
					String target = path.getKey();
					String concrete = fill(target, (i % 7 == 6) ? fuzz : null);
					check(method.getKey().toUpperCase(), concrete, payload, contentType, failures);
					sent++;
				}
			}
		}
		assertThat(sent).as("requests sent").isGreaterThan(300);
		assertThat(failures).as("answers that broke the rules (seed %d)", seed).isEmpty();
		assertHealthy();
	}

	@Test
	void noQueryOrPathVariableMakesAnyServiceFail() throws Exception {
		long seed = Fuzz.seed();
		Fuzz fuzz = new Fuzz(seed);
		List<String> failures = new ArrayList<>();
		List<String> gets = List.of("/api/users?q=%s", "/api/users?q=a&limit=%s",
				"/api/rooms/" + roomId + "/messages?after=%s", "/api/rooms/" + roomId + "/messages?before=%s&limit=%s",
				"/api/messages/search?q=%s", "/api/messages/search?q=ab&before=%s", "/api/notifications?before=%s",
				"/api/notifications?limit=%s", "/api/friends/requests?box=%s", "/api/users/%s", "/api/rooms/%s",
				"/api/rooms/%s/messages");
		for (int i = 0; i < 300; i++) {
			String template = fuzz.pick(gets);
			String value = java.net.URLEncoder.encode(fuzz.pick(Fuzz.NASTY_STRINGS), StandardCharsets.UTF_8);
			check("GET", template.replace("%s", value), new byte[0], null, failures);
		}
		assertThat(failures).as("answers that broke the rules (seed %d)", seed).isEmpty();
		assertHealthy();
	}

	private static String fill(String template, Fuzz garbage) {
		String path = template.replace("{roomId}", roomId)
			.replace("{userId}", other.userId())
			.replace("{seq}", "1")
			.replace("{requestId}", UUID.randomUUID().toString())
			.replace("{notificationId}", UUID.randomUUID().toString())
			.replace("{deviceId}", "fuzz-device");
		if (garbage != null && template.contains("{")) {
			String nasty = java.net.URLEncoder.encode(garbage.pick(Fuzz.NASTY_STRINGS), StandardCharsets.UTF_8);
			path = path.replaceFirst("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}|fuzz-device",
					nasty.isEmpty() ? "%20" : nasty);
		}
		return path;
	}

	private static void check(String method, String path, byte[] body, String contentType, List<String> failures)
			throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(E2eStack.gatewayUrl() + path))
			.timeout(Duration.ofSeconds(30))
			.header("Authorization", "Bearer " + user.accessToken());
		if (contentType != null) {
			request.header("Content-Type", contentType);
		}
		request.method(method, (body.length > 0 || !method.equals("GET")) ? HttpRequest.BodyPublishers.ofByteArray(body)
				: HttpRequest.BodyPublishers.noBody());
		String what = method + " " + abbreviate(path) + " " + abbreviate(new String(body, StandardCharsets.UTF_8));
		HttpResponse<String> response;
		try {
			response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
		}
		catch (java.io.IOException ex) {
			// the gateway answers a declared body over its limit with 413 at once and
			// closes, while this client is still sending it
			if (body.length <= MAX_BODY) {
				failures.add(what + " -> connection failed: " + ex);
			}
			return;
		}
		int status = response.statusCode();
		String answer = response.body();
		if (PROTOCOL_REFUSALS.contains(status) && answer.isEmpty()) {
			// the HTTP server's own refusal of a request line or headers it will not
			// parse, before any of Co-Talk's code (docs/api.md)
			return;
		}
		if (status >= 500) {
			failures.add(what + " -> " + status + " " + abbreviate(answer));
			return;
		}
		if (status >= 400) {
			String type = response.headers().firstValue("Content-Type").orElse("");
			if (!type.startsWith("application/problem+json") || !answer.contains("\"code\"")) {
				failures.add(what + " -> " + status + " not a problem: " + type + " " + abbreviate(answer));
			}
		}
		for (String internal : INTERNALS) {
			if (answer.contains(internal)) {
				failures.add(what + " -> " + status + " tells '" + internal + "': " + abbreviate(answer));
			}
		}
	}

	static void assertHealthy() {
		assertHealthy(api, user, roomId);
	}

	/** Every service ready, and the user can still send a message into the room. */
	static void assertHealthy(ApiClient api, Users.LoggedIn user, String roomId) {
		for (Service service : Service.values()) {
			for (var instance : E2eStack.get().instances(service)) {
				ApiClient.Response health = new ApiClient("http://127.0.0.1:" + instance.port())
					.get("/actuator/health/readiness", null);
				assertThat(health.status()).as(service + " readiness").isEqualTo(200);
			}
		}
		String clientMsgId = "after-fuzz-" + UUID.randomUUID();
		assertThat(api
			.post("/api/rooms/" + roomId + "/messages", user.accessToken(),
					Map.of("clientMsgId", clientMsgId, "contentType", "TEXT", "content", "still here"))
			.status()).isEqualTo(201);
	}

	private static String abbreviate(String text) {
		String flat = text.replaceAll("\\p{Cntrl}", "?");
		return (flat.length() > 160) ? flat.substring(0, 160) + "..." : flat;
	}

}
