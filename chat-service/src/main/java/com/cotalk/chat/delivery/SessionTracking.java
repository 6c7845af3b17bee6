package com.cotalk.chat.delivery;

import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.WebSocketHandler;
import org.springframework.web.socket.WebSocketSession;
import org.springframework.web.socket.handler.WebSocketHandlerDecorator;

/**
 * Registers every WebSocket session from its handshake to its close, whatever ends it,
 * and takes frames in parts: the STOMP decoder buffers a frame until it is whole (up to
 * the message size limit), so the socket's own buffers can stay small.
 */
class SessionTracking extends WebSocketHandlerDecorator {

	private final SessionRegistry registry;

	SessionTracking(WebSocketHandler delegate, SessionRegistry registry) {
		super(delegate);
		this.registry = registry;
	}

	@Override
	public void afterConnectionEstablished(WebSocketSession session) throws Exception {
		this.registry.opened(session);
		super.afterConnectionEstablished(session);
	}

	@Override
	public boolean supportsPartialMessages() {
		return true;
	}

	@Override
	public void afterConnectionClosed(WebSocketSession session, CloseStatus closeStatus) throws Exception {
		try {
			super.afterConnectionClosed(session, closeStatus);
		}
		finally {
			this.registry.closed(session.getId());
		}
	}

}
