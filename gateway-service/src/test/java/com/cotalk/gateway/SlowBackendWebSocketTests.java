package com.cotalk.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import reactor.core.publisher.Mono;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;

/**
 * A client that speaks first (STOMP's CONNECT) while the gateway is still connecting to a
 * chat-service that is slow to answer the handshake: the frame is forwarded once the
 * downstream connection is up, not lost.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = "cotalk.gateway.rate-limit.key-prefix=gateway-test-slow-ws:${random.uuid}")
class SlowBackendWebSocketTests {

	private static final DisposableServer SLOW = HttpServer.create()
		.host("127.0.0.1")
		.port(0)
		.route((routes) -> routes
			.get("/ws",
					(request, response) -> Mono.delay(Duration.ofMillis(300))
						.then(response.sendWebsocket(
								(in, out) -> out.sendString(in.receive().asString().map((text) -> "echo:" + text)))))
			.get("/actuator/health/readiness", (request, response) -> response.sendString(Mono.just("{}"))))
		.bindNow();

	@LocalServerPort
	int port;

	@DynamicPropertySource
	static void downstreams(DynamicPropertyRegistry registry) {
		registry.add("cotalk.gateway.services.chat", () -> "http://127.0.0.1:" + SLOW.port());
	}

	@Test
	void aFrameSentBeforeTheDownstreamIsConnectedIsForwarded() throws Exception {
		HttpClient http = HttpClient.newHttpClient();
		List<CompletableFuture<String>> replies = new ArrayList<>();
		List<WebSocket> sockets = new ArrayList<>();
		for (int i = 0; i < 20; i++) {
			CompletableFuture<String> reply = new CompletableFuture<>();
			replies.add(reply);
			WebSocket socket = GatewaySockets.open(http, this.port, reply).get(10, TimeUnit.SECONDS);
			socket.sendText("hello " + i, true);
			sockets.add(socket);
		}
		for (int i = 0; i < replies.size(); i++) {
			assertThat(replies.get(i).get(10, TimeUnit.SECONDS)).isEqualTo("echo:hello " + i);
		}
		sockets.forEach((socket) -> socket.sendClose(WebSocket.NORMAL_CLOSURE, "done"));
	}

}
