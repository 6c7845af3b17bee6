package com.cotalk.message.search;

import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import com.cotalk.message.MessageResponse;
import com.cotalk.message.RoomMembers;

/**
 * Matches, newest first. {@code hasMore}: older matches exist; {@code nextBefore} is then
 * the {@code before} of the next page (the last item's {@code messageId}).
 */
record SearchPageResponse(List<MessageResponse> items, boolean hasMore, @Nullable UUID nextBefore) {

	private static final RoomMembers NO_MEMBERS = new RoomMembers(List.of());

	static SearchPageResponse from(SearchService.SearchPage page) {
		List<MessageResponse> items = page.messages()
			.stream()
			.map((message) -> MessageResponse.from(message, page.members().getOrDefault(message.roomId(), NO_MEMBERS)))
			.toList();
		UUID nextBefore = (page.hasMore() && !items.isEmpty()) ? items.getLast().messageId() : null;
		return new SearchPageResponse(items, page.hasMore(), nextBefore);
	}

}
