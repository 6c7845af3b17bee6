package com.cotalk.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import com.cotalk.testsupport.ApiClient;

class RoutingTests extends GatewayTestBase {

	@ParameterizedTest
	@CsvSource({ "GET, /api/users/me, user", "GET, /api/users, user", "GET, /api/friends, friend",
			"POST, /api/friends/requests, friend", "PUT, /api/blocks/u1, friend", "GET, /api/rooms, chat",
			"GET, /api/rooms/r1, chat", "PUT, /api/rooms/r1/read, chat", "POST, /api/rooms/r1/messages, chat",
			"GET, /api/rooms/r1/messages, message", "PATCH, /api/rooms/r1/messages/7, message",
			"DELETE, /api/rooms/r1/messages/7, message", "GET, /api/messages/search, message",
			"GET, /api/notifications, notification", "PUT, /api/notifications/devices/d1, notification",
			"GET, /api/auth/sessions, auth" })
	void routesEachPathToItsService(String method, String path, String service) {
		Object body = switch (method) {
			case "POST", "PUT", "PATCH" -> Map.of("x", 1);
			default -> null;
		};
		ApiClient.Response response = api().send(method, path + "?limit=5", TestKeys.token(UUID.randomUUID()), body,
				Map.of());
		assertThat(response.status()).as(response.toString()).isEqualTo(200);
		assertThat(response.text("service")).isEqualTo(service);
		assertThat(response.text("method")).isEqualTo(method);
		assertThat(response.text("path")).isEqualTo(path);
	}

	@ParameterizedTest
	@ValueSource(strings = { "/api/nothing", "/", "/api", "/api/userss", "/actuator/gateway/routes", "/actuator/env",
			"/actuator/gateway" })
	void answersUnroutedPathsWith404Problem(String path) {
		ApiClient.Response response = api().get(path, TestKeys.token(UUID.randomUUID()));
		assertThat(response.status()).as(response.toString()).isEqualTo(404);
		assertThat(response.contentType()).startsWith("application/problem+json");
		assertThat(response.text("code")).isEqualTo("NOT_FOUND");
		assertThat(response.json().path("status").asInt()).isEqualTo(404);
	}

	@Test
	void answersWrongMethodOnGatewayEndpointsWith405Problem() {
		ApiClient.Response response = api().post("/actuator/health", TestKeys.token(UUID.randomUUID()), null);
		assertThat(response.status()).as(response.toString()).isEqualTo(405);
		assertThat(response.contentType()).startsWith("application/problem+json");
		assertThat(response.text("code")).isEqualTo("METHOD_NOT_ALLOWED");
	}

	@Test
	void servesHealthProbesWithoutTokenAndMetricsOnlyWithOne() {
		assertThat(api().get("/actuator/health/liveness", null).text("status")).isEqualTo("UP");
		assertThat(api().get("/actuator/health/readiness", null).text("status")).isEqualTo("UP");
		assertThat(api().get("/actuator/prometheus", null).status()).isEqualTo(401);
		ApiClient.Response metrics = api().get("/actuator/prometheus", TestKeys.token(UUID.randomUUID()));
		assertThat(metrics.status()).isEqualTo(200);
		assertThat(metrics.body()).contains("jvm_");
	}

	@Test
	void proxiesTheWebSocketHandshakeWithoutToken() throws Exception {
		CompletableFuture<String> reply = new CompletableFuture<>();
		WebSocket socket = GatewaySockets.open(HttpClient.newHttpClient(), this.port, reply).get(10, TimeUnit.SECONDS);
		socket.sendText("hello", true);
		assertThat(reply.get(10, TimeUnit.SECONDS)).isEqualTo("echo:hello");
		socket.sendClose(WebSocket.NORMAL_CLOSURE, "done");
	}

	@Test
	void answersPlainHttpOnTheWebSocketPathWithAProblem() {
		ApiClient.Response response = api().get("/ws", null);
		assertThat(response.status()).as(response.toString()).isEqualTo(400);
		assertThat(response.contentType()).startsWith("application/problem+json");
	}

}
