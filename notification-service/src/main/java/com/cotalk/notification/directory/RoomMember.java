package com.cotalk.notification.directory;

import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * A member of a room, as chat-service tells.
 *
 * @param lastReadSeq how far they have read
 * @param muted whether they muted the room
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record RoomMember(UUID userId, long lastReadSeq, boolean muted) {
}
