package com.cotalk.friend.request;

import java.util.List;

record FriendRequestListResponse(List<FriendRequestResponse> items) {

	static FriendRequestListResponse from(List<FriendRequest> requests) {
		return new FriendRequestListResponse(requests.stream().map(FriendRequestResponse::from).toList());
	}

}
