package com.cotalk.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import reactor.netty.DisposableServer;

/**
 * Two chat-service instances behind the gateway: WebSocket connections are spread over
 * both, and once one stops answering its readiness probe new connections go to the other.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = "cotalk.gateway.rate-limit.key-prefix=gateway-test-instances:${random.uuid}")
class ChatInstancesTests {

	private static final DisposableServer FIRST = EchoServers.start("chat", "first");

	private static final DisposableServer SECOND = EchoServers.start("chat", "second");

	@LocalServerPort
	int port;

	@DynamicPropertySource
	static void downstreams(DynamicPropertyRegistry registry) {
		registry.add("cotalk.gateway.services.chat",
				() -> "http://127.0.0.1:" + FIRST.port() + ", http://127.0.0.1:" + SECOND.port());
	}

	@AfterAll
	static void stop() {
		FIRST.disposeNow();
		SECOND.disposeNow();
	}

	@Test
	void spreadsConnectionsOverTheInstancesAndLeavesOutOneThatIsGone() throws Exception {
		Set<String> answered = new HashSet<>();
		for (int i = 0; i < 6; i++) {
			answered.add(instanceAnswering());
		}
		assertThat(answered).containsExactlyInAnyOrder("first", "second");

		SECOND.disposeNow();
		// the health check runs every 2 s; meanwhile a connection may still be sent there
		// and fail, as it would when an instance crashes
		Instant deadline = Instant.now().plusSeconds(20);
		int inARow = 0;
		List<String> attempts = new ArrayList<>();
		while (inARow < 6 && Instant.now().isBefore(deadline)) {
			String attempt = attempt();
			attempts.add(attempt);
			inARow = "first".equals(attempt) ? inARow + 1 : 0;
		}
		assertThat(inARow).as("consecutive connections to the remaining instance: %s", attempts).isEqualTo(6);
	}

	private String instanceAnswering() throws Exception {
		String instance = attempt();
		assertThat(instance).isNotNull();
		return instance;
	}

	private String attempt() {
		CompletableFuture<String> reply = new CompletableFuture<>();
		try {
			WebSocket socket = GatewaySockets.open(HttpClient.newHttpClient(), this.port, reply)
				.get(10, TimeUnit.SECONDS);
			String token = UUID.randomUUID().toString();
			socket.sendText(token, true);
			String answer = reply.get(10, TimeUnit.SECONDS);
			socket.sendClose(WebSocket.NORMAL_CLOSURE, "done");
			return answer.substring(0, answer.indexOf(':'));
		}
		catch (Exception ex) {
			return "failed: " + ex;
		}
	}

}
