package com.cotalk.notification;

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
import java.util.concurrent.atomic.AtomicInteger;

import org.jspecify.annotations.Nullable;

import com.cotalk.common.Headers;
import com.cotalk.testsupport.InfrastructureContextCustomizerFactory;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import tools.jackson.databind.json.JsonMapper;

/**
 * Plays chat-service ({@code GET /internal/rooms/{id}/members}) and user-service
 * ({@code GET /internal/users?ids=}) on loopback for the rooms and people a test
 * registers, counting the member look-ups per room; can be switched off to play an
 * outage.
 */
final class FakeServices {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final Map<UUID, String> names = new ConcurrentHashMap<>();

	private final Map<UUID, List<UUID>> rooms = new ConcurrentHashMap<>();

	private final Set<String> mutes = ConcurrentHashMap.newKeySet();

	private final Map<UUID, AtomicInteger> memberLookups = new ConcurrentHashMap<>();

	private volatile boolean down;

	private final HttpServer server;

	FakeServices() {
		try {
			this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		this.server.createContext("/internal/users", (exchange) -> handle(exchange, this::users));
		this.server.createContext("/internal/rooms", (exchange) -> handle(exchange, this::members));
		this.server.start();
	}

	String url() {
		return "http://127.0.0.1:" + this.server.getAddress().getPort();
	}

	void person(UUID userId, String displayName) {
		this.names.put(userId, displayName);
	}

	void room(UUID roomId, List<UUID> members) {
		this.rooms.put(roomId, List.copyOf(members));
	}

	void mute(UUID roomId, UUID userId) {
		this.mutes.add(roomId + ":" + userId);
	}

	int memberLookups(UUID roomId) {
		AtomicInteger count = this.memberLookups.get(roomId);
		return (count != null) ? count.get() : 0;
	}

	void setDown(boolean down) {
		this.down = down;
	}

	private @Nullable Object users(HttpExchange exchange) {
		List<Map<String, Object>> items = new ArrayList<>();
		for (UUID id : ids(exchange.getRequestURI().getRawQuery())) {
			String name = this.names.get(id);
			if (name != null) {
				Map<String, Object> profile = new LinkedHashMap<>();
				profile.put("userId", id.toString());
				profile.put("displayName", name);
				profile.put("statusMessage", "");
				items.add(profile);
			}
		}
		return Map.of("items", items);
	}

	private @Nullable Object members(HttpExchange exchange) {
		String[] parts = exchange.getRequestURI().getPath().split("/");
		// /internal/rooms/{id}/members
		if (parts.length != 5 || !"members".equals(parts[4])) {
			return null;
		}
		UUID roomId = UUID.fromString(parts[3]);
		this.memberLookups.computeIfAbsent(roomId, (id) -> new AtomicInteger()).incrementAndGet();
		List<UUID> members = this.rooms.get(roomId);
		if (members == null) {
			return null;
		}
		return Map.of("items",
				members.stream()
					.map((id) -> Map.of("userId", id.toString(), "lastReadSeq", 0, "muted",
							this.mutes.contains(roomId + ":" + id)))
					.toList(),
				"roomType", "GROUP", "roomName", "Fake room");
	}

	private void handle(HttpExchange exchange, Handler handler) throws IOException {
		try (exchange) {
			if (this.down) {
				exchange.sendResponseHeaders(503, -1);
				return;
			}
			if (!InfrastructureContextCustomizerFactory.INTERNAL_TOKEN
				.equals(exchange.getRequestHeaders().getFirst(Headers.INTERNAL_TOKEN))) {
				exchange.sendResponseHeaders(401, -1);
				return;
			}
			Object answer = handler.answer(exchange);
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

	private static List<UUID> ids(@Nullable String query) {
		List<UUID> ids = new ArrayList<>();
		if (query == null) {
			return ids;
		}
		for (String pair : query.split("&")) {
			if (pair.startsWith("ids=")) {
				String value = URLDecoder.decode(pair.substring(4), StandardCharsets.UTF_8);
				Arrays.stream(value.split(",")).filter((id) -> !id.isBlank()).map(UUID::fromString).forEach(ids::add);
			}
		}
		return ids;
	}

	@FunctionalInterface
	private interface Handler {

		@Nullable Object answer(HttpExchange exchange);

	}

}
