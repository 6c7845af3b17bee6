package com.cotalk.bench;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;

import org.springframework.messaging.simp.stomp.StompHeaders;
import org.springframework.messaging.simp.stomp.StompSession;
import org.springframework.messaging.simp.stomp.StompSessionHandler;
import org.springframework.web.socket.WebSocketHttpHeaders;
import org.springframework.web.socket.messaging.WebSocketStompClient;

/**
 * RabbitMQ's Web-STOMP plugin as the raw broker ceiling: a room is a topic every member
 * subscribes to, and the sender, subscribed too, receives its own message, as a Co-Talk
 * sender's devices do.
 */
final class RabbitMqTarget implements StompTarget {

	private final String url;

	RabbitMqTarget(String url) {
		this.url = url;
	}

	@Override
	public String name() {
		return "RabbitMQ Web-STOMP";
	}

	@Override
	public CompletableFuture<StompSession> connect(WebSocketStompClient client, int index,
			StompSessionHandler handler) {
		StompHeaders connect = new StompHeaders();
		connect.setLogin("guest");
		connect.setPasscode("guest");
		connect.setHost("/");
		return client.connectAsync(this.url, new WebSocketHttpHeaders(), connect, handler);
	}

	@Override
	public String subscription(int room) {
		return "/topic/room." + room;
	}

	@Override
	public String destination(int room) {
		return "/topic/room." + room;
	}

	@Override
	public byte[] body(long messageId, int room) {
		return Long.toString(messageId).getBytes(StandardCharsets.US_ASCII);
	}

	@Override
	public long messageId(byte[] body) {
		try {
			return Long.parseLong(new String(body, StandardCharsets.US_ASCII));
		}
		catch (NumberFormatException ex) {
			return -1;
		}
	}

}
