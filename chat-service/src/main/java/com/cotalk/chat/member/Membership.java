package com.cotalk.chat.member;

import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * A user's current membership of a room.
 *
 * @param otherUserId for a direct room: the other user of the pair (also after they
 * left), else null
 */
public record Membership(UUID roomId, UUID userId, String roomType, @Nullable UUID otherUserId) {

	public static final String DIRECT = "DIRECT";

	public static final String GROUP = "GROUP";

	public boolean isDirect() {
		return DIRECT.equals(this.roomType);
	}

}
