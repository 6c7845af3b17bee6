package com.cotalk.message;

import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/** A message in history; {@code content} is null once it was deleted for everyone. */
public record MessageResponse(UUID messageId, UUID roomId, long seq, UUID senderId, String clientMsgId,
		String contentType, @Nullable String content, Instant sentAt, @Nullable Instant editedAt, boolean deleted,
		int unreadCount) {

	public static MessageResponse from(StoredMessage message, RoomMembers members) {
		return new MessageResponse(message.messageId(), message.roomId(), message.seq(), message.senderId(),
				message.clientMsgId(), message.contentType(), message.deleted() ? null : message.content(),
				message.sentAt(), message.editedAt(), message.deleted(), members.unreadCount(message.seq()));
	}

}
