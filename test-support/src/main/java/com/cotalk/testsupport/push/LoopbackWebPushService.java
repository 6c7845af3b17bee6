package com.cotalk.testsupport.push;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A push service on loopback (plain http, which the development setting allows): records
 * what it receives and answers each subscription path with the status the test chose (201
 * Created by default, as push services do).
 */
public final class LoopbackWebPushService implements AutoCloseable {

	private final HttpServer server;

	private final List<Received> received = new CopyOnWriteArrayList<>();

	private final Map<String, Answer> answers = new ConcurrentHashMap<>();

	public LoopbackWebPushService() throws IOException {
		this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
		this.server.createContext("/push/", this::handle);
		this.server.start();
	}

	public String origin() {
		return "http://127.0.0.1:" + this.server.getAddress().getPort();
	}

	public String endpoint(String subscription) {
		return origin() + "/push/" + subscription;
	}

	public void answer(String subscription, int status, Map<String, String> headers) {
		this.answers.put("/push/" + subscription, new Answer(status, headers));
	}

	public List<Received> received() {
		return this.received;
	}

	private void handle(HttpExchange exchange) throws IOException {
		try (exchange; InputStream body = exchange.getRequestBody()) {
			String path = exchange.getRequestURI().getPath();
			this.received.add(
					new Received(exchange.getRequestMethod(), path, exchange.getRequestHeaders(), body.readAllBytes()));
			Answer answer = this.answers.getOrDefault(path, new Answer(201, Map.of()));
			answer.headers().forEach(exchange.getResponseHeaders()::add);
			exchange.sendResponseHeaders(answer.status(), -1);
		}
	}

	@Override
	public void close() {
		this.server.stop(0);
	}

	public record Received(String method, String path, Headers headers, byte[] body) {

		public String header(String name) {
			return this.headers.getFirst(name);
		}

	}

	private record Answer(int status, Map<String, String> headers) {
	}

}
