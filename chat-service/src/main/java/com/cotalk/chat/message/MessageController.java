package com.cotalk.chat.message;

import java.util.UUID;

import jakarta.validation.Valid;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import com.cotalk.common.security.AuthenticatedUser;

@RestController
class MessageController {

	private final MessageSendService messages;

	MessageController(MessageSendService messages) {
		this.messages = messages;
	}

	/**
	 * 201 once the message is in the partition stream (durable); 200 with the original
	 * for a {@code clientMsgId} sent before.
	 */
	@PostMapping("/api/rooms/{roomId}/messages")
	ResponseEntity<MessageAcceptedResponse> sendMessage(AuthenticatedUser caller, @PathVariable UUID roomId,
			@Valid @RequestBody SendMessageRequest request) {
		AcceptedMessage accepted = this.messages.sendMessage(caller.id(), roomId, request.clientMsgId(),
				request.content());
		return ResponseEntity.status(accepted.created() ? HttpStatus.CREATED : HttpStatus.OK)
			.body(MessageAcceptedResponse.from(accepted));
	}

}
