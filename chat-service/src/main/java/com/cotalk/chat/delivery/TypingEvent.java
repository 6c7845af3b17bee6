package com.cotalk.chat.delivery;

import java.util.UUID;

/** {@code type} first: the fan-out recognises typing events by their first bytes. */
record TypingEvent(String type, UUID roomId, UUID userId, boolean typing) {

	static TypingEvent of(UUID roomId, UUID userId, boolean typing) {
		return new TypingEvent("typing", roomId, userId, typing);
	}

}
