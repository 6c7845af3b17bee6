package com.cotalk.message.history;

import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/** A row of {@code messages.messages}. */
record StoredMessage(UUID messageId, UUID roomId, long seq, UUID senderId, String clientMsgId, String contentType,
		@Nullable String content, Instant sentAt, @Nullable Instant editedAt, boolean deleted) {
}
