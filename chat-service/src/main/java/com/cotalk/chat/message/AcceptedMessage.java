package com.cotalk.chat.message;

import java.time.Instant;
import java.util.UUID;

/**
 * A message the script accepted.
 *
 * @param created false when the {@code clientMsgId} had been accepted before: these are
 * then the original's values and nothing new was appended
 */
public record AcceptedMessage(UUID messageId, UUID roomId, long seq, String clientMsgId, Instant sentAt,
		boolean created) {
}
