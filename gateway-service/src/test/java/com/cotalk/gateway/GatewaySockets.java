package com.cotalk.gateway;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * A WebSocket client on the gateway's {@code /ws} (the JDK's): {@code answer} completes
 * with the first text frame, or with {@code closed <code>:} or {@code error <error>:} if
 * the socket ends before one arrives.
 */
final class GatewaySockets {

	private GatewaySockets() {
	}

	static CompletableFuture<WebSocket> open(HttpClient http, int port, CompletableFuture<String> answer) {
		return http.newWebSocketBuilder()
			.connectTimeout(Duration.ofSeconds(5))
			.buildAsync(URI.create("ws://127.0.0.1:" + port + "/ws"), new WebSocket.Listener() {
				@Override
				public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
					answer.complete(data.toString());
					return null;
				}

				@Override
				public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
					answer.complete("closed " + statusCode + ":");
					return null;
				}

				@Override
				public void onError(WebSocket webSocket, Throwable error) {
					answer.complete("error " + error + ":");
				}
			});
	}

}
