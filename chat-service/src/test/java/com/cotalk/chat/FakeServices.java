package com.cotalk.chat;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.jspecify.annotations.Nullable;

import com.cotalk.common.Headers;
import com.cotalk.testsupport.InfrastructureContextCustomizerFactory;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Plays user-service, friend-service and message-service on loopback, with their internal
 * APIs for what each test registers: profiles, friends, blocks, rooms' stored max seq and
 * last messages.
 */
final class FakeServices {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final Map<UUID, String> names = new ConcurrentHashMap<>();

	private final Set<String> blocks = ConcurrentHashMap.newKeySet();

	private final Map<UUID, Set<UUID>> friends = new ConcurrentHashMap<>();

	private final Map<UUID, Long> maxSeqs = new ConcurrentHashMap<>();

	private final Map<UUID, Map<String, Object>> lastMessages = new ConcurrentHashMap<>();

	private final List<Call> calls = new CopyOnWriteArrayList<>();

	private final HttpServer server;

	FakeServices() {
		try {
			this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		this.server.createContext("/internal/users", (exchange) -> handle(exchange, this::users));
		this.server.createContext("/internal/relations", (exchange) -> handle(exchange, this::relations));
		this.server.createContext("/internal/relations/blocked", (exchange) -> {
			JsonNode request = JSON.readTree(exchange.getRequestBody());
			handle(exchange, (path, query) -> blockedAmong(request));
		});
		this.server.createContext("/internal/rooms", (exchange) -> handle(exchange, this::rooms));
		this.server.createContext("/internal/friends", (exchange) -> handle(exchange, this::friendIds));
		this.server.start();
	}

	String url() {
		return "http://127.0.0.1:" + this.server.getAddress().getPort();
	}

	/** The calls that carried this correlation id. */
	List<Call> callsOf(String correlationId) {
		return this.calls.stream().filter((call) -> correlationId.equals(call.correlationId())).toList();
	}

	void registerUser(UUID userId, String displayName) {
		this.names.put(userId, displayName);
	}

	void block(ChatApiTestSupport.TestUser blocker, ChatApiTestSupport.TestUser blocked) {
		this.blocks.add(blocker.id() + ">" + blocked.id());
	}

	void befriend(ChatApiTestSupport.TestUser one, ChatApiTestSupport.TestUser other) {
		this.friends.computeIfAbsent(one.id(), (id) -> ConcurrentHashMap.newKeySet()).add(other.id());
		this.friends.computeIfAbsent(other.id(), (id) -> ConcurrentHashMap.newKeySet()).add(one.id());
	}

	void storedMaxSeq(UUID roomId, long maxSeq) {
		this.maxSeqs.put(roomId, maxSeq);
	}

	void storedLastMessage(UUID roomId, long seq, UUID senderId, String preview, String sentAt) {
		this.lastMessages.put(roomId, Map.of("roomId", roomId.toString(), "seq", seq, "senderId", senderId.toString(),
				"contentType", "TEXT", "preview", preview, "sentAt", sentAt));
	}

	private @Nullable Object users(String path, Map<String, String> query) {
		List<Map<String, @Nullable Object>> items = new ArrayList<>();
		for (UUID id : ids(query.get("ids"))) {
			String name = this.names.get(id);
			if (name != null) {
				Map<String, @Nullable Object> profile = new LinkedHashMap<>();
				profile.put("userId", id.toString());
				profile.put("displayName", name);
				profile.put("statusMessage", "");
				profile.put("avatarUrl", null);
				items.add(profile);
			}
		}
		return Map.of("items", items);
	}

	private @Nullable Object relations(String path, Map<String, String> query) {
		String one = query.get("userId");
		String other = query.get("otherId");
		boolean blocked = this.blocks.contains(one + ">" + other) || this.blocks.contains(other + ">" + one);
		return Map.of("friends", false, "blocked", blocked);
	}

	private Object blockedAmong(JsonNode request) {
		String user = request.path("userId").asString();
		List<String> blocked = new ArrayList<>();
		for (JsonNode other : request.path("otherIds")) {
			String id = other.asString();
			if (this.blocks.contains(user + ">" + id) || this.blocks.contains(id + ">" + user)) {
				blocked.add(id);
			}
		}
		return Map.of("items", blocked);
	}

	private @Nullable Object friendIds(String path, Map<String, String> query) {
		UUID userId = UUID.fromString(path.split("/")[3]);
		return Map.of("items", this.friends.getOrDefault(userId, Set.of()).stream().map(UUID::toString).toList());
	}

	private @Nullable Object rooms(String path, Map<String, String> query) {
		if (path.equals("/internal/rooms/last-messages")) {
			List<Map<String, Object>> items = new ArrayList<>();
			ids(query.get("ids")).stream().map(this.lastMessages::get).filter((m) -> m != null).forEach(items::add);
			return Map.of("items", items);
		}
		if (path.endsWith("/max-seq")) {
			UUID roomId = UUID.fromString(path.split("/")[3]);
			return Map.of("maxSeq", this.maxSeqs.getOrDefault(roomId, 0L));
		}
		return null;
	}

	private void handle(HttpExchange exchange, Handler handler) throws IOException {
		try (exchange) {
			String correlationId = exchange.getRequestHeaders().getFirst(Headers.CORRELATION_ID);
			if (correlationId != null) {
				this.calls.add(new Call(exchange.getRequestURI().getPath(), correlationId,
						exchange.getRequestHeaders().getFirst("traceparent")));
			}
			String token = exchange.getRequestHeaders().getFirst(Headers.INTERNAL_TOKEN);
			if (!InfrastructureContextCustomizerFactory.INTERNAL_TOKEN.equals(token)) {
				exchange.sendResponseHeaders(401, -1);
				return;
			}
			Object answer = handler.answer(exchange.getRequestURI().getPath(),
					query(exchange.getRequestURI().getRawQuery()));
			if (answer == null) {
				exchange.sendResponseHeaders(404, -1);
				return;
			}
			byte[] body = JSON.writeValueAsBytes(answer);
			exchange.getResponseHeaders().set("Content-Type", "application/json");
			exchange.sendResponseHeaders(200, body.length);
			try (OutputStream out = exchange.getResponseBody()) {
				out.write(body);
			}
		}
	}

	private static Map<String, String> query(@Nullable String raw) {
		Map<String, String> params = new LinkedHashMap<>();
		if (raw != null) {
			for (String pair : raw.split("&")) {
				int eq = pair.indexOf('=');
				if (eq > 0) {
					params.put(pair.substring(0, eq),
							URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
				}
			}
		}
		return params;
	}

	private static List<UUID> ids(@Nullable String value) {
		if (value == null) {
			return List.of();
		}
		return Arrays.stream(value.split(",")).filter((id) -> !id.isBlank()).map(UUID::fromString).toList();
	}

	interface Handler {

		@Nullable Object answer(String path, Map<String, String> query);

	}

	record Call(String path, String correlationId, @Nullable String traceparent) {
	}

}
