package com.cotalk.chat.message;

import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * A room's newest stored message, as message-service reports it ({@code preview}: the
 * first 100 characters, null when deleted).
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record LastMessage(UUID roomId, long seq, UUID senderId, String contentType, @Nullable String preview,
		Instant sentAt) {
}
