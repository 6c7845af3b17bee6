package com.cotalk.message.edit;

import java.time.Instant;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

import com.cotalk.message.ChatServiceClient;
import com.cotalk.message.MessageResponse;
import com.cotalk.message.RoomMembers;
import com.cotalk.message.RoomNotFoundException;
import com.cotalk.message.StoredMessage;

/**
 * Edit and delete for everyone. Checks in the order a client can act on: the room (a
 * non-member learns nothing), the message, its sender, then its state. Each change is one
 * conditional UPDATE, published on the room's channel once it is committed.
 */
@Service
class EditService {

	private static final Logger log = LoggerFactory.getLogger(EditService.class);

	private final ChatServiceClient chatService;

	private final StoredMessages stored;

	private final EditRepository messages;

	private final RoomEvents events;

	EditService(ChatServiceClient chatService, StoredMessages stored, EditRepository messages, RoomEvents events) {
		this.chatService = chatService;
		this.stored = stored;
		this.messages = messages;
		this.events = events;
	}

	MessageResponse editMessage(UUID callerId, UUID roomId, long seq, String content) {
		RoomMembers members = membersFor(callerId, roomId);
		StoredMessage message = changeableBy(callerId, roomId, seq);
		if (message.deleted()) {
			throw MessageNotEditableException.deleted();
		}
		Instant editedAt = this.messages.edit(message, content).orElseThrow(MessageNotEditableException::deleted);
		this.events.messageUpdated(roomId, seq, content, editedAt);
		log.info("Message edited: room {} seq {} by user {}", roomId, seq, callerId);
		StoredMessage edited = new StoredMessage(message.messageId(), roomId, seq, message.senderId(),
				message.clientMsgId(), message.contentType(), content, message.sentAt(), editedAt, false);
		return MessageResponse.from(edited, members);
	}

	/** Deleting a deleted message changes nothing and announces nothing. */
	void deleteMessage(UUID callerId, UUID roomId, long seq) {
		membersFor(callerId, roomId);
		StoredMessage message = changeableBy(callerId, roomId, seq);
		if (!message.deleted() && this.messages.delete(message)) {
			this.events.messageDeleted(roomId, seq);
			log.info("Message deleted for everyone: room {} seq {} by user {}", roomId, seq, callerId);
		}
	}

	private RoomMembers membersFor(UUID callerId, UUID roomId) {
		RoomMembers members = this.chatService.members(roomId);
		if (!members.includes(callerId)) {
			throw new RoomNotFoundException();
		}
		return members;
	}

	private StoredMessage changeableBy(UUID callerId, UUID roomId, long seq) {
		StoredMessage message = this.stored.find(roomId, seq);
		if (!StoredMessage.TEXT.equals(message.contentType())) {
			throw MessageNotEditableException.system();
		}
		if (!message.senderId().equals(callerId)) {
			throw new NotMessageSenderException();
		}
		return message;
	}

}
