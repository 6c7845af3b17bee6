package com.cotalk.chat.read;

import java.util.UUID;

/**
 * A member's read position moved forward (published in process, for the {@code read}
 * event the STOMP delivery sends to the room).
 */
public record ReadPositionMoved(UUID roomId, UUID userId, long lastReadSeq) {
}
