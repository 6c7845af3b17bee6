package com.cotalk.chat.room;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/** Most recent activity first. */
record ChatListResponse(List<Item> items) {

	/**
	 * @param name a group's name; for a direct room the other user's display name
	 * @param lastMessage the newest stored message (null before the first is stored);
	 * {@code lastSeq} may be ahead of it for a moment
	 * @param unreadCount {@code lastSeq - lastReadSeq}, never negative
	 */
	record Item(UUID roomId, String type, @Nullable String name, int memberCount,
			@Nullable LastMessageResponse lastMessage, long lastSeq, long unreadCount, boolean muted) {
	}

	/**
	 * @param contentType {@code TEXT} or {@code SYSTEM} (an extension of the contract)
	 */
	record LastMessageResponse(long seq, UUID senderId, @Nullable String preview, Instant sentAt, String contentType) {
	}

}
