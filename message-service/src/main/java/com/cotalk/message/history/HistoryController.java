package com.cotalk.message.history;

import java.util.UUID;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import com.cotalk.common.security.AuthenticatedUser;

import io.swagger.v3.oas.annotations.tags.Tag;

import com.cotalk.message.RoomNotFoundException;

@RestController
@Tag(name = "messages")
class HistoryController {

	private final HistoryService history;

	HistoryController(HistoryService history) {
		this.history = history;
	}

	/**
	 * A malformed room id names no room, so it is answered like a room the caller is not
	 * in.
	 */
	@GetMapping("/api/rooms/{roomId}/messages")
	MessagePageResponse getMessages(AuthenticatedUser caller, @PathVariable String roomId,
			@RequestParam(required = false) @Min(0) @Nullable Long after,
			@RequestParam(required = false) @Min(1) @Nullable Long before,
			@RequestParam(defaultValue = "50") @Min(1) @Max(100) int limit) {
		UUID room;
		try {
			room = UUID.fromString(roomId);
		}
		catch (IllegalArgumentException ex) {
			throw new RoomNotFoundException();
		}
		return MessagePageResponse
			.from(this.history.getHistory(caller.id(), room, new HistoryQuery(after, before, limit)));
	}

}
