package com.cotalk.chat.delivery;

import java.util.UUID;

/**
 * A user's STOMP session on this instance ended.
 *
 * @param lastHere whether the user has no other session on this instance
 */
record StompSessionClosed(UUID userId, String sessionId, boolean lastHere) {
}
