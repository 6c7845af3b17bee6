package com.cotalk.bench;

import java.util.concurrent.CompletableFuture;

import org.springframework.messaging.simp.stomp.StompSession;
import org.springframework.messaging.simp.stomp.StompSessionHandler;
import org.springframework.web.socket.messaging.WebSocketStompClient;

/**
 * What a STOMP server under test needs from the load generator: how a client connects as
 * member {@code index} of room {@code room}, where it subscribes, where it sends, and how
 * a message's id travels in the body.
 */
interface StompTarget {

	String name();

	CompletableFuture<StompSession> connect(WebSocketStompClient client, int index, StompSessionHandler handler);

	String subscription(int room);

	String destination(int room);

	byte[] body(long messageId, int room);

	/**
	 * The message id carried by a delivered body, or -1 for frames that are not load
	 * messages.
	 */
	long messageId(byte[] body);

}
