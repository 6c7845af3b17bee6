package com.cotalk.gateway;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import reactor.netty.DisposableServer;
import tools.jackson.databind.json.JsonMapper;

/**
 * Stand-ins for the downstream services: one real HTTP server on loopback per service,
 * answering every request with what arrived (service, method, raw path, headers, body
 * size) as JSON. A path containing {@code /slow} answers after three seconds. Plus a
 * WebSocket echo for the {@code /ws} route.
 */
final class EchoServers {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final Map<String, String> URLS = new ConcurrentHashMap<>();

	private static DisposableServer webSocket;

	private EchoServers() {
	}

	static String url(String service) {
		return URLS.computeIfAbsent(service, EchoServers::start);
	}

	/**
	 * A WebSocket server on {@code /ws} that answers each text frame with
	 * {@code echo:<text>}.
	 */
	static synchronized String webSocketUrl() {
		if (webSocket == null) {
			webSocket = reactor.netty.http.server.HttpServer.create()
				.host("127.0.0.1")
				.port(0)
				.route((routes) -> routes.ws("/ws",
						(in, out) -> out.sendString(in.receive().asString().map((text) -> "echo:" + text))))
				.bindNow();
		}
		return "ws://127.0.0.1:" + webSocket.port();
	}

	private static String start(String service) {
		try {
			HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
			server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
			server.createContext("/", (exchange) -> echo(service, exchange));
			server.start();
			return "http://127.0.0.1:" + server.getAddress().getPort();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static void echo(String service, HttpExchange exchange) throws IOException {
		long bodyBytes;
		try (InputStream in = exchange.getRequestBody()) {
			bodyBytes = in.transferTo(OutputStream.nullOutputStream());
		}
		if (exchange.getRequestURI().getRawPath().contains("/slow")) {
			sleep();
		}
		Map<String, String> headers = new LinkedHashMap<>();
		exchange.getRequestHeaders()
			.forEach((name, values) -> headers.put(name.toLowerCase(), String.join(",", values)));
		Map<String, Object> answer = new LinkedHashMap<>();
		answer.put("service", service);
		answer.put("method", exchange.getRequestMethod());
		answer.put("path", exchange.getRequestURI().getRawPath());
		answer.put("headers", headers);
		answer.put("bodyBytes", bodyBytes);
		byte[] body = JSON.writeValueAsBytes(answer);
		exchange.getResponseHeaders().set("Content-Type", "application/json");
		exchange.sendResponseHeaders(200, body.length);
		try (OutputStream out = exchange.getResponseBody()) {
			out.write(body);
		}
	}

	private static void sleep() {
		try {
			Thread.sleep(3000);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
