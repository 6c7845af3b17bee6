package com.cotalk.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

/**
 * Many clients connecting through the gateway at once, each speaking first (as a STOMP
 * client sends CONNECT right after the handshake): every one gets its answer.
 */
class WebSocketBurstTests extends GatewayTestBase {

	@Test
	void everyClientOfABurstIsAnswered() throws Exception {
		HttpClient http = HttpClient.newHttpClient();
		List<CompletableFuture<String>> replies = new ArrayList<>();
		List<CompletableFuture<WebSocket>> sockets = new ArrayList<>();
		for (int i = 0; i < 200; i++) {
			CompletableFuture<String> reply = new CompletableFuture<>();
			String hello = "hello " + i;
			replies.add(reply);
			sockets.add(GatewaySockets.open(http, this.port, reply).thenApply((socket) -> {
				socket.sendText(hello, true);
				return socket;
			}));
		}
		int answered = 0;
		List<Integer> unanswered = new ArrayList<>();
		for (int i = 0; i < replies.size(); i++) {
			try {
				assertThat(replies.get(i).get(10, TimeUnit.SECONDS)).isEqualTo("echo:hello " + i);
				answered++;
			}
			catch (java.util.concurrent.TimeoutException ex) {
				unanswered.add(i);
			}
		}
		for (CompletableFuture<WebSocket> socket : sockets) {
			socket.get(10, TimeUnit.SECONDS).sendClose(WebSocket.NORMAL_CLOSURE, "done");
		}
		assertThat(unanswered).as("clients without an answer").isEmpty();
		assertThat(answered).isEqualTo(200);
	}

}
