package com.cotalk.message.history;

import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/** The newest stored message of a room, as the chat list shows it. */
record LastMessage(UUID roomId, long seq, UUID senderId, String contentType, @Nullable String preview, Instant sentAt) {
}
