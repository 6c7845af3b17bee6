package com.cotalk.friend.request;

import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/** A row of {@code friend_requests}. */
record FriendRequest(UUID id, UUID fromUserId, UUID toUserId, RequestStatus status, Instant createdAt,
		@Nullable Instant respondedAt) {

	boolean isPending() {
		return this.status == RequestStatus.PENDING;
	}

}
