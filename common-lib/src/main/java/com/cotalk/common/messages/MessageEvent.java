package com.cotalk.common.messages;

import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * An accepted message as it travels: the JSON of this record is the {@code message} event
 * clients receive on {@code /user/queue/events}, the entry appended to the partition
 * stream and what message-service stores. Fields are only ever added.
 *
 * @param type always {@code "message"} (the client event type)
 * @param version the record's schema version
 * @param messageId UUIDv7 chosen by chat-service
 * @param roomId the room
 * @param seq per-room sequence number, from 1, contiguous
 * @param senderId who sent it (for {@code SYSTEM} messages: whom the change is about)
 * @param clientMsgId the sender's idempotency key
 * @param contentType {@code TEXT} or {@code SYSTEM}
 * @param content the text (for {@code SYSTEM}: a machine-readable change such as
 * {@code member_joined})
 * @param sentAt when chat-service accepted it
 * @param editedAt when it was last edited, if ever
 * @param deleted whether it was deleted for everyone (then {@code content} is null)
 */
public record MessageEvent(String type, int version, UUID messageId, UUID roomId, long seq, UUID senderId,
		String clientMsgId, String contentType, @Nullable String content, Instant sentAt, @Nullable Instant editedAt,
		boolean deleted) {

	public static final String TYPE = "message";

	public static final int VERSION = 1;

	public static MessageEvent accepted(UUID messageId, UUID roomId, long seq, UUID senderId, String clientMsgId,
			String contentType, String content, Instant sentAt) {
		return new MessageEvent(TYPE, VERSION, messageId, roomId, seq, senderId, clientMsgId, contentType, content,
				sentAt, null, false);
	}

}
