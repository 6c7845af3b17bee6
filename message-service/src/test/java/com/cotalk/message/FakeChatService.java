package com.cotalk.message;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.cotalk.common.Headers;
import com.cotalk.testsupport.InfrastructureContextCustomizerFactory;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import tools.jackson.databind.json.JsonMapper;

/**
 * chat-service's internal members API on loopback, answering for the rooms a test
 * registers: {@code {items: [{userId, lastReadSeq}]}}, 404 for an unknown room; and a
 * user's current rooms ({@code {items: [roomId]}}) from the same registrations; 401
 * without the internal token.
 */
public final class FakeChatService {

	private static final Pattern MEMBERS = Pattern.compile("/internal/rooms/([^/]+)/members");

	private static final Pattern USER_ROOMS = Pattern.compile("/internal/users/([^/]+)/rooms");

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final Map<UUID, Map<UUID, Long>> rooms = new ConcurrentHashMap<>();

	private final Set<UUID> failing = ConcurrentHashMap.newKeySet();

	private final HttpServer server;

	private FakeChatService(HttpServer server) {
		this.server = server;
	}

	public static FakeChatService start() {
		try {
			HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
			FakeChatService chat = new FakeChatService(server);
			server.createContext("/internal/rooms/", chat::handle);
			server.createContext("/internal/users/", chat::handleUserRooms);
			server.start();
			return chat;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	public String url() {
		return "http://127.0.0.1:" + this.server.getAddress().getPort();
	}

	/** The room's members and how far each has read. */
	public void room(UUID roomId, Map<UUID, Long> lastReadSeqs) {
		this.rooms.put(roomId, Map.copyOf(lastReadSeqs));
	}

	/** The room's members, again: whoever is left out has left the room. */
	public void members(UUID roomId, Map<UUID, Long> lastReadSeqs) {
		room(roomId, lastReadSeqs);
	}

	/** Answers 500 for the room, as a broken chat-service would. */
	public void failFor(UUID roomId) {
		this.failing.add(roomId);
	}

	private void handle(HttpExchange exchange) throws IOException {
		try (exchange) {
			if (!InfrastructureContextCustomizerFactory.INTERNAL_TOKEN
				.equals(exchange.getRequestHeaders().getFirst(Headers.INTERNAL_TOKEN))) {
				send(exchange, 401, Map.of("code", "UNAUTHORIZED"));
				return;
			}
			Matcher matcher = MEMBERS.matcher(exchange.getRequestURI().getPath());
			UUID roomId = matcher.matches() ? UUID.fromString(matcher.group(1)) : null;
			if (roomId != null && this.failing.contains(roomId)) {
				send(exchange, 500, Map.of("code", "INTERNAL_ERROR"));
				return;
			}
			Map<UUID, Long> members = (roomId != null) ? this.rooms.get(roomId) : null;
			if (members == null) {
				send(exchange, 404, Map.of("code", "ROOM_NOT_FOUND"));
				return;
			}
			List<Map<String, Object>> items = members.entrySet()
				.stream()
				.map((member) -> Map.<String, Object>of("userId", member.getKey(), "lastReadSeq", member.getValue()))
				.toList();
			send(exchange, 200, Map.of("items", items));
		}
	}

	private void handleUserRooms(HttpExchange exchange) throws IOException {
		try (exchange) {
			if (!InfrastructureContextCustomizerFactory.INTERNAL_TOKEN
				.equals(exchange.getRequestHeaders().getFirst(Headers.INTERNAL_TOKEN))) {
				send(exchange, 401, Map.of("code", "UNAUTHORIZED"));
				return;
			}
			Matcher matcher = USER_ROOMS.matcher(exchange.getRequestURI().getPath());
			if (!matcher.matches()) {
				send(exchange, 404, Map.of("code", "NOT_FOUND"));
				return;
			}
			UUID userId = UUID.fromString(matcher.group(1));
			List<UUID> rooms = this.rooms.entrySet()
				.stream()
				.filter((room) -> room.getValue().containsKey(userId))
				.map(Map.Entry::getKey)
				.toList();
			send(exchange, 200, Map.of("items", rooms));
		}
	}

	private static void send(HttpExchange exchange, int status, Object body) throws IOException {
		byte[] bytes = JSON.writeValueAsString(body).getBytes(StandardCharsets.UTF_8);
		exchange.getResponseHeaders().set("Content-Type", "application/json");
		exchange.sendResponseHeaders(status, bytes.length);
		try (OutputStream out = exchange.getResponseBody()) {
			out.write(bytes);
		}
	}

}
