package com.cotalk.chat.delivery;

import java.util.concurrent.atomic.AtomicLong;

import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.messaging.Message;
import org.springframework.messaging.MessageHandler;
import org.springframework.messaging.simp.stomp.StompCommand;
import org.springframework.messaging.simp.stomp.StompHeaderAccessor;
import org.springframework.messaging.support.MessageBuilder;
import org.springframework.stereotype.Component;
import org.springframework.util.MimeTypeUtils;
import org.springframework.web.socket.WebSocketHandler;

/**
 * Builds the frames this package sends itself and writes them to a session through
 * Spring's {@code SubProtocolWebSocketHandler} (the STOMP encoder and the per-session
 * send limits), bypassing the outbound channel: its executor would reorder them.
 */
@Component
class Frames {

	static final String EVENTS = "/user/queue/events";

	static final String ERRORS = "/user/queue/errors";

	private static final byte[] EMPTY = new byte[0];

	private final ObjectProvider<WebSocketHandler> handlerProvider;

	private final AtomicLong messageIds = new AtomicLong();

	private volatile @Nullable MessageHandler handler;

	Frames(@Qualifier("subProtocolWebSocketHandler") ObjectProvider<WebSocketHandler> handlerProvider) {
		this.handlerProvider = handlerProvider;
	}

	/** The payload is shared, not copied: it was serialised once for every session. */
	Message<byte[]> event(String sessionId, String subscriptionId, byte[] payload) {
		StompHeaderAccessor accessor = StompHeaderAccessor.create(StompCommand.MESSAGE);
		accessor.setSessionId(sessionId);
		accessor.setSubscriptionId(subscriptionId);
		accessor.setDestination(EVENTS);
		accessor.setContentType(MimeTypeUtils.APPLICATION_JSON);
		accessor.setMessageId(Long.toString(this.messageIds.incrementAndGet(), 36));
		return MessageBuilder.createMessage(payload, accessor.getMessageHeaders());
	}

	Message<byte[]> receipt(String sessionId, String receiptId) {
		StompHeaderAccessor accessor = StompHeaderAccessor.create(StompCommand.RECEIPT);
		accessor.setSessionId(sessionId);
		accessor.setReceiptId(receiptId);
		return MessageBuilder.createMessage(EMPTY, accessor.getMessageHeaders());
	}

	/** Sends an {@code ERROR} frame now; Spring closes the session after it. */
	void error(String sessionId, String code) {
		StompHeaderAccessor accessor = StompHeaderAccessor.create(StompCommand.ERROR);
		accessor.setSessionId(sessionId);
		accessor.setMessage(code);
		write(MessageBuilder.createMessage(EMPTY, accessor.getMessageHeaders()));
	}

	void write(Message<byte[]> frame) {
		MessageHandler target = this.handler;
		if (target == null) {
			target = (MessageHandler) this.handlerProvider.getObject();
			this.handler = target;
		}
		target.handleMessage(frame);
	}

}
