package com.cotalk.friend.request;

import org.springframework.http.HttpStatus;

import com.cotalk.common.error.ApiException;

class AlreadyFriendsException extends ApiException {

	AlreadyFriendsException() {
		super(HttpStatus.CONFLICT, "ALREADY_FRIENDS", "You are already friends.");
	}

}
