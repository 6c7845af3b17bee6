package com.cotalk.message.search;

import java.util.UUID;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import com.cotalk.common.error.ApiException;
import com.cotalk.common.security.AuthenticatedUser;
import com.cotalk.message.RoomNotFoundException;

import io.swagger.v3.oas.annotations.tags.Tag;

@RestController
@Tag(name = "messages")
class SearchController {

	private final SearchService search;

	SearchController(SearchService search) {
		this.search = search;
	}

	/**
	 * {@code q}: at least two characters after trimming; {@code roomId}: only that room
	 * (404 when it is not one of the caller's); {@code before}: the {@code messageId} of
	 * the last item of the previous page.
	 */
	@GetMapping("/api/messages/search")
	SearchPageResponse searchMessages(AuthenticatedUser caller, @RequestParam(required = false) @Nullable String q,
			@RequestParam(required = false) @Nullable String roomId,
			@RequestParam(required = false) @Nullable UUID before,
			@RequestParam(defaultValue = "20") @Min(1) @Max(100) int limit) {
		String text = (q != null) ? q.strip() : "";
		if (text.chars().anyMatch(Character::isISOControl)) {
			throw ApiException.validation("q", "must not contain control characters");
		}
		if (text.codePointCount(0, text.length()) < SearchQuery.MIN_LENGTH) {
			throw ApiException.validation("q", "must hold at least 2 characters");
		}
		if (text.length() > SearchQuery.MAX_LENGTH) {
			throw ApiException.validation("q", "must hold at most " + SearchQuery.MAX_LENGTH + " characters");
		}
		return SearchPageResponse
			.from(this.search.searchMessages(caller.id(), new SearchQuery(text, room(roomId), before, limit)));
	}

	private static @Nullable UUID room(@Nullable String roomId) {
		if (roomId == null || roomId.isBlank()) {
			return null;
		}
		try {
			return UUID.fromString(roomId);
		}
		catch (IllegalArgumentException ex) {
			throw new RoomNotFoundException();
		}
	}

}
