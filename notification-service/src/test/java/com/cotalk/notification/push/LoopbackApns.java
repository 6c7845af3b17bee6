package com.cotalk.notification.push;

import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import io.netty.handler.codec.http.HttpHeaders;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;
import reactor.netty.DisposableServer;
import reactor.netty.http.Http2SslContextSpec;
import reactor.netty.http.HttpProtocol;
import reactor.netty.http.server.HttpServer;
import reactor.netty.http.server.HttpServerRequest;
import reactor.netty.http.server.HttpServerResponse;

/**
 * An APNs stand-in: a real HTTP/2-only server (Reactor Netty, TLS with ALPN) on loopback
 * that records each request and answers per device token as the test chose (200 with an
 * {@code apns-id} by default, errors as {@code {"reason": ...}} like APNs).
 */
final class LoopbackApns implements AutoCloseable {

	private final DisposableServer server;

	private final List<Received> received = new CopyOnWriteArrayList<>();

	private final Map<String, Deque<Answer>> answers = new ConcurrentHashMap<>();

	LoopbackApns(SelfSignedTls tls) throws Exception {
		Http2SslContextSpec ssl = Http2SslContextSpec.forServer(tls.keyManagers());
		this.server = HttpServer.create()
			.host("127.0.0.1")
			.port(0)
			.protocol(HttpProtocol.H2)
			.secure((spec) -> spec.sslContext(ssl))
			.handle(this::handle)
			.bindNow();
	}

	String baseUrl() {
		return "https://127.0.0.1:" + this.server.port();
	}

	/** The next pushes to {@code deviceToken} get these answers, in order. */
	void answer(String deviceToken, Answer... answers) {
		this.answers.computeIfAbsent(deviceToken, (token) -> new ArrayDeque<>()).addAll(List.of(answers));
	}

	List<Received> received() {
		return this.received;
	}

	private Mono<Void> handle(HttpServerRequest request, HttpServerResponse response) {
		return request.receive().aggregate().asString(StandardCharsets.UTF_8).defaultIfEmpty("").flatMap((body) -> {
			String uri = request.uri();
			this.received.add(new Received(request.version().text(), request.method().name(), uri,
					request.requestHeaders().copy(), body));
			String deviceToken = uri.substring(uri.lastIndexOf('/') + 1);
			Deque<Answer> queued = this.answers.get(deviceToken);
			Answer answer = (queued != null && !queued.isEmpty()) ? queued.poll() : new Answer(200, null);
			response.status(answer.status()).header("apns-id", "0b4c7a3c-7f2a-4f59-9a49-000000000001");
			if (answer.reason() == null) {
				return response.send().then();
			}
			return response.header("content-type", "application/json")
				.sendString(Mono.just("{\"reason\":\"" + answer.reason() + "\"}"))
				.then();
		});
	}

	@Override
	public void close() {
		this.server.disposeNow();
	}

	record Received(String version, String method, String uri, HttpHeaders headers, String body) {
	}

	record Answer(int status, @Nullable String reason) {
	}

}
