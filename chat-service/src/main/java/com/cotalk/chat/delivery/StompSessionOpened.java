package com.cotalk.chat.delivery;

import java.util.UUID;

/** A user's STOMP session was authenticated on this instance. */
record StompSessionOpened(UUID userId, String sessionId) {
}
