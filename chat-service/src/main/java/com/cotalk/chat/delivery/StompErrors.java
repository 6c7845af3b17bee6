package com.cotalk.chat.delivery;

import org.jspecify.annotations.Nullable;
import org.springframework.messaging.Message;
import org.springframework.messaging.simp.stomp.StompCommand;
import org.springframework.messaging.simp.stomp.StompHeaderAccessor;
import org.springframework.web.socket.messaging.StompSubProtocolErrorHandler;

/**
 * The {@code ERROR} frame for a frame Spring could not take (it does not parse, names an
 * unknown command, is too large): a stable code in {@code message}, never the exception's
 * text (Spring's default, which named its own classes). The socket closes after it, as
 * before.
 */
final class StompErrors extends StompSubProtocolErrorHandler {

	static final String MALFORMED_FRAME = "MALFORMED_FRAME";

	static final String FRAME_TOO_LARGE = "FRAME_TOO_LARGE";

	private static final byte[] EMPTY = new byte[0];

	@Override
	public @Nullable Message<byte[]> handleClientMessageProcessingError(@Nullable Message<byte[]> clientMessage,
			Throwable ex) {
		StompHeaderAccessor accessor = StompHeaderAccessor.create(StompCommand.ERROR);
		accessor.setMessage(code(ex));
		accessor.setLeaveMutable(true);
		StompHeaderAccessor client = (clientMessage != null) ? StompHeaderAccessor.wrap(clientMessage) : null;
		return handleInternal(accessor, EMPTY, ex, client);
	}

	private static String code(Throwable ex) {
		String text = String.valueOf(ex.getMessage());
		return (text.contains("buffer size limit") || text.contains("exceeds configured")) ? FRAME_TOO_LARGE
				: MALFORMED_FRAME;
	}

}
