package com.cotalk.friend.request;

import org.springframework.http.HttpStatus;

import com.cotalk.common.error.ApiException;

class RequestPendingException extends ApiException {

	RequestPendingException() {
		super(HttpStatus.CONFLICT, "REQUEST_PENDING", "You already sent this user a friend request.");
	}

}
