package com.cotalk.chat.room;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * @param name a group's name; for a direct room the other user's display name (null when
 * it cannot be loaded)
 */
record RoomDetailsResponse(UUID roomId, String type, @Nullable String name, long lastSeq,
		List<MemberResponse> members) {

	/**
	 * @param displayName empty when the profile cannot be loaded right now
	 */
	record MemberResponse(UUID userId, String displayName, long lastReadSeq, Instant joinedAt) {
	}

}
