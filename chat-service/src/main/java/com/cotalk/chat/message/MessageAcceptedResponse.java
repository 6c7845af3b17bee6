package com.cotalk.chat.message;

import java.time.Instant;
import java.util.UUID;

record MessageAcceptedResponse(UUID messageId, UUID roomId, long seq, String clientMsgId, Instant sentAt) {

	static MessageAcceptedResponse from(AcceptedMessage message) {
		return new MessageAcceptedResponse(message.messageId(), message.roomId(), message.seq(), message.clientMsgId(),
				message.sentAt());
	}

}
