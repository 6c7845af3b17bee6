package com.cotalk.message.history;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Size;

import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * What chat-service asks of the stored history: a room's highest seq and the chat list's
 * last messages.
 */
@RestController
@RequestMapping("/internal/rooms")
@Tag(name = "internal")
class InternalHistoryController {

	static final int MAX_ROOMS = 500;

	private final HistoryService history;

	InternalHistoryController(HistoryService history) {
		this.history = history;
	}

	/**
	 * For re-seeding a room's sequence counter after Redis lost it: 0 when nothing is
	 * stored.
	 */
	@GetMapping("/{roomId}/max-seq")
	MaxSeqResponse getMaxSeq(@PathVariable UUID roomId) {
		return new MaxSeqResponse(this.history.getMaxSeq(roomId));
	}

	/**
	 * {@code ids} comma-separated (or repeated); rooms without stored messages are left
	 * out of {@code items}.
	 */
	@GetMapping("/last-messages")
	LastMessageListResponse getLastMessages(@RequestParam(required = false) @NotEmpty @Size(max = MAX_ROOMS,
			message = "must hold at most " + MAX_ROOMS + " ids") @Nullable List<UUID> ids) {
		return new LastMessageListResponse(this.history.getLastMessages((ids != null) ? ids : List.of())
			.stream()
			.map(LastMessageResponse::from)
			.toList());
	}

	record MaxSeqResponse(long maxSeq) {
	}

	record LastMessageListResponse(List<LastMessageResponse> items) {
	}

	/** {@code preview}: the first 100 characters, null when the message was deleted. */
	record LastMessageResponse(UUID roomId, long seq, UUID senderId, String contentType, @Nullable String preview,
			Instant sentAt) {

		static LastMessageResponse from(LastMessage message) {
			return new LastMessageResponse(message.roomId(), message.seq(), message.senderId(), message.contentType(),
					message.preview(), message.sentAt());
		}

	}

}
