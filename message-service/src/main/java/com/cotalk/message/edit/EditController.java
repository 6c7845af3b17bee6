package com.cotalk.message.edit;

import java.util.UUID;

import jakarta.validation.Valid;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import com.cotalk.common.security.AuthenticatedUser;
import com.cotalk.message.MessageResponse;
import com.cotalk.message.RoomNotFoundException;

import io.swagger.v3.oas.annotations.tags.Tag;

@RestController
@Tag(name = "messages")
class EditController {

	private final EditService edits;

	EditController(EditService edits) {
		this.edits = edits;
	}

	@PatchMapping("/api/rooms/{roomId}/messages/{seq}")
	MessageResponse editMessage(AuthenticatedUser caller, @PathVariable String roomId, @PathVariable String seq,
			@Valid @RequestBody EditMessageRequest request) {
		return this.edits.editMessage(caller.id(), room(roomId), seq(seq), request.content());
	}

	@DeleteMapping("/api/rooms/{roomId}/messages/{seq}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	void deleteMessage(AuthenticatedUser caller, @PathVariable String roomId, @PathVariable String seq) {
		this.edits.deleteMessage(caller.id(), room(roomId), seq(seq));
	}

	/** A malformed room id names no room: answered like a room the caller is not in. */
	private static UUID room(String roomId) {
		try {
			return UUID.fromString(roomId);
		}
		catch (IllegalArgumentException ex) {
			throw new RoomNotFoundException();
		}
	}

	/** A malformed or non-positive seq names no message. */
	private static long seq(String seq) {
		try {
			long value = Long.parseLong(seq);
			if (value >= 1) {
				return value;
			}
		}
		catch (NumberFormatException ex) {
			// falls through
		}
		throw new MessageNotFoundException();
	}

}
