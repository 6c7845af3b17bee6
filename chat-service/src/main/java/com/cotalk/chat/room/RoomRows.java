package com.cotalk.chat.room;

import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/** What {@link RoomRepository} reads. */
final class RoomRows {

	private RoomRows() {
	}

	/**
	 * @param otherUserId for a direct room: the pair's other user as seen by the member
	 */
	record Room(UUID id, String type, @Nullable String name, @Nullable UUID userLo, @Nullable UUID userHi) {

		@Nullable UUID otherUserOf(UUID userId) {
			if (this.userLo == null) {
				return null;
			}
			return userId.equals(this.userLo) ? this.userHi : this.userLo;
		}

	}

	record Member(UUID userId, Instant joinedAt, long lastReadSeq, boolean muted) {
	}

	record ChatListEntry(UUID roomId, String type, @Nullable String name, Instant lastActivityAt, long lastReadSeq,
			boolean muted, int memberCount, @Nullable UUID otherUserId) {
	}

}
