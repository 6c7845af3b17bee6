package com.cotalk.gateway;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import reactor.core.publisher.Mono;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;
import reactor.netty.http.server.HttpServerRequest;
import tools.jackson.databind.json.JsonMapper;

/**
 * Stand-ins for the downstream services: one real HTTP server on loopback per service,
 * answering every request with what arrived (service, method, raw path, headers, body
 * size) as JSON. A path containing {@code /slow} answers after three seconds. Each also
 * has a WebSocket echo on {@code /ws} that answers each text frame with
 * {@code <echo>:<text>}.
 */
final class EchoServers {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final Map<String, String> URLS = new ConcurrentHashMap<>();

	private EchoServers() {
	}

	/** The shared echo of a service, whose WebSocket answers {@code echo:<text>}. */
	static String url(String service) {
		return URLS.computeIfAbsent(service, (name) -> "http://127.0.0.1:" + start(name, "echo").port());
	}

	/**
	 * A new echo of a service whose WebSocket answers {@code <name>:<text>}, to tell
	 * instances apart; the caller disposes of it.
	 */
	static DisposableServer start(String service, String name) {
		return HttpServer.create()
			.host("127.0.0.1")
			.port(0)
			.route((routes) -> routes
				.ws("/ws", (in, out) -> out.sendString(in.receive().asString().map((text) -> name + ":" + text)))
				.route((request) -> true,
						(request, response) -> request.receive()
							.aggregate()
							.asByteArray()
							.map((body) -> (long) body.length)
							.defaultIfEmpty(0L)
							.delayUntil((size) -> rawPath(request).contains("/slow") ? Mono.delay(Duration.ofSeconds(3))
									: Mono.empty())
							.flatMap((size) -> response.header("Content-Type", "application/json")
								.sendByteArray(Mono.just(echo(service, request, size)))
								.then())))
			.bindNow();
	}

	private static byte[] echo(String service, HttpServerRequest request, long bodyBytes) {
		Map<String, String> headers = new LinkedHashMap<>();
		request.requestHeaders()
			.names()
			.forEach(
					(name) -> headers.put(name.toLowerCase(), String.join(",", request.requestHeaders().getAll(name))));
		Map<String, Object> answer = new LinkedHashMap<>();
		answer.put("service", service);
		answer.put("method", request.method().name());
		answer.put("path", rawPath(request));
		answer.put("headers", headers);
		answer.put("bodyBytes", bodyBytes);
		return JSON.writeValueAsBytes(answer);
	}

	private static String rawPath(HttpServerRequest request) {
		String uri = request.uri();
		int query = uri.indexOf('?');
		return (query < 0) ? uri : uri.substring(0, query);
	}

}
