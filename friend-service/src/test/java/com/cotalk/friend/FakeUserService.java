package com.cotalk.friend;

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

import org.jspecify.annotations.Nullable;

import com.cotalk.common.Headers;
import com.cotalk.testsupport.InfrastructureContextCustomizerFactory;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import tools.jackson.databind.json.JsonMapper;

/**
 * Plays user-service on loopback: its internal batch lookup
 * ({@code GET /internal/users?ids=a,b}, at most 500 ids, unknown ids left out) for the
 * users a test registers. It records every call, so that tests can tell whether the cache
 * spared one, and can be switched off to play an outage.
 */
final class FakeUserService {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final Map<UUID, Map<String, @Nullable Object>> profiles = new ConcurrentHashMap<>();

	private final List<Set<UUID>> calls = new CopyOnWriteArrayList<>();

	private volatile boolean down;

	private final HttpServer server;

	FakeUserService() {
		try {
			this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		this.server.createContext("/internal/users", this::handle);
		this.server.start();
	}

	String url() {
		return "http://127.0.0.1:" + this.server.getAddress().getPort();
	}

	void register(UUID userId, String displayName) {
		register(userId, displayName, "", null);
	}

	void register(UUID userId, String displayName, String statusMessage, @Nullable String avatarUrl) {
		Map<String, @Nullable Object> profile = new LinkedHashMap<>();
		profile.put("userId", userId.toString());
		profile.put("displayName", displayName);
		profile.put("statusMessage", statusMessage);
		profile.put("avatarUrl", avatarUrl);
		this.profiles.put(userId, profile);
	}

	void setDown(boolean down) {
		this.down = down;
	}

	/** How many calls asked for this user. */
	long callsFor(UUID userId) {
		return this.calls.stream().filter((ids) -> ids.contains(userId)).count();
	}

	/**
	 * The calls that asked for any of these users, each as the set of ids it asked for.
	 */
	List<Set<UUID>> callsForAny(Set<UUID> userIds) {
		return this.calls.stream().filter((ids) -> ids.stream().anyMatch(userIds::contains)).toList();
	}

	private void handle(HttpExchange exchange) throws IOException {
		try (exchange) {
			if (this.down) {
				exchange.sendResponseHeaders(503, -1);
				return;
			}
			String token = exchange.getRequestHeaders().getFirst(Headers.INTERNAL_TOKEN);
			if (!InfrastructureContextCustomizerFactory.INTERNAL_TOKEN.equals(token)) {
				exchange.sendResponseHeaders(401, -1);
				return;
			}
			List<UUID> ids = ids(exchange.getRequestURI().getRawQuery());
			this.calls.add(Set.copyOf(ids));
			if (ids.isEmpty() || ids.size() > 500) {
				exchange.sendResponseHeaders(400, -1);
				return;
			}
			List<Map<String, @Nullable Object>> items = new ArrayList<>();
			ids.stream().distinct().map(this.profiles::get).filter((p) -> p != null).forEach(items::add);
			byte[] body = JSON.writeValueAsBytes(Map.of("items", items));
			exchange.getResponseHeaders().set("Content-Type", "application/json");
			exchange.sendResponseHeaders(200, body.length);
			try (OutputStream out = exchange.getResponseBody()) {
				out.write(body);
			}
		}
	}

	private static List<UUID> ids(@Nullable String query) {
		if (query == null) {
			return List.of();
		}
		List<UUID> ids = new ArrayList<>();
		for (String pair : query.split("&")) {
			if (pair.startsWith("ids=")) {
				String value = URLDecoder.decode(pair.substring(4), StandardCharsets.UTF_8);
				Arrays.stream(value.split(",")).filter((id) -> !id.isBlank()).map(UUID::fromString).forEach(ids::add);
			}
		}
		return ids;
	}

}
