package com.cotalk.friend.friendship;

import org.springframework.http.HttpStatus;

import com.cotalk.common.error.ApiException;

class FriendNotFoundException extends ApiException {

	FriendNotFoundException() {
		super(HttpStatus.NOT_FOUND, "FRIEND_NOT_FOUND", "This user is not your friend.");
	}

}
