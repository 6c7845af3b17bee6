package com.cotalk.message.history;

import java.util.List;

import com.cotalk.message.MessageResponse;

/**
 * A page of history, ascending by seq. {@code hasMore}: more messages lie beyond the page
 * in the direction it was read: older ones for the newest page and {@code before}, newer
 * ones (up to {@code before}) for {@code after}.
 */
record MessagePageResponse(List<MessageResponse> items, boolean hasMore) {

	static MessagePageResponse from(HistoryService.HistoryPage page) {
		return new MessagePageResponse(
				page.messages().stream().map((message) -> MessageResponse.from(message, page.members())).toList(),
				page.hasMore());
	}

}
