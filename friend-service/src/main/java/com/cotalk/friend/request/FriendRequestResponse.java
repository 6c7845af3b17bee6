package com.cotalk.friend.request;

import java.time.Instant;
import java.util.UUID;

record FriendRequestResponse(UUID requestId, UUID fromUserId, UUID toUserId, RequestStatus status, Instant createdAt) {

	static FriendRequestResponse from(FriendRequest request) {
		return new FriendRequestResponse(request.id(), request.fromUserId(), request.toUserId(), request.status(),
				request.createdAt());
	}

}
