package com.cotalk.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.cotalk.testsupport.ApiClient;
import com.cotalk.testsupport.InfrastructureContextCustomizerFactory;
import com.sun.net.httpserver.HttpServer;

/**
 * Sign-up while user-service refuses: the account is created at once and its profile
 * reaches user-service once it answers again. user-service is played by a loopback HTTP
 * server speaking its internal API (the end-to-end tests use the real one).
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = "cotalk.auth.profile-relay-interval=200ms")
class ProfileRelayTests {

	record Call(String path, String internalToken, String body) {
	}

	static final List<Call> calls = new CopyOnWriteArrayList<>();

	/** user-service is "down" for the first two attempts at each profile. */
	static final Map<String, AtomicInteger> attempts = new ConcurrentHashMap<>();

	static final HttpServer userService = start();

	@LocalServerPort
	int port;

	@DynamicPropertySource
	static void userServiceUrl(DynamicPropertyRegistry registry) {
		registry.add("cotalk.auth.user-service-url", () -> "http://127.0.0.1:" + userService.getAddress().getPort());
	}

	@AfterAll
	static void stop() {
		userService.stop(0);
	}

	@Test
	void deliversTheProfileOnceUserServiceAnswersAgain() throws InterruptedException {
		String email = "relay-" + UUID.randomUUID() + "@example.com";
		var signUp = new ApiClient("http://127.0.0.1:" + this.port).post("/api/auth/signup", null,
				Map.of("email", email, "password", "correct horse battery", "displayName", "김민준"));
		assertThat(signUp.status()).isEqualTo(201);
		String userId = signUp.text("userId");

		Instant deadline = Instant.now().plus(Duration.ofSeconds(20));
		while (accepted(userId).isEmpty() && Instant.now().isBefore(deadline)) {
			Thread.sleep(100);
		}
		List<Call> forUser = calls.stream().filter((call) -> call.path().endsWith(userId)).toList();
		assertThat(forUser).hasSizeGreaterThanOrEqualTo(3);
		assertThat(accepted(userId)).hasSize(1);
		Call delivered = accepted(userId).getFirst();
		assertThat(delivered.internalToken()).isEqualTo(InfrastructureContextCustomizerFactory.INTERNAL_TOKEN);
		assertThat(delivered.body()).contains(email, "김민준");
	}

	private static List<Call> accepted(String userId) {
		return calls.stream()
			.filter((call) -> call.path().endsWith(userId) && call.body().contains("accepted"))
			.toList();
	}

	private static HttpServer start() {
		try {
			HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
			server.createContext("/internal/users/", (exchange) -> {
				String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
				String path = exchange.getRequestURI().getPath();
				boolean refuse = attempts.computeIfAbsent(path, (key) -> new AtomicInteger()).incrementAndGet() <= 2;
				calls.add(new Call(path, String.valueOf(exchange.getRequestHeaders().getFirst("X-Internal-Token")),
						refuse ? body : body + " accepted"));
				exchange.sendResponseHeaders(refuse ? 503 : 201, -1);
				exchange.close();
			});
			server.start();
			return server;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
