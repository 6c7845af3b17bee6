package com.cotalk.friend.request;

import org.springframework.http.HttpStatus;

import com.cotalk.common.error.ApiException;

class RequestNotPendingException extends ApiException {

	RequestNotPendingException() {
		super(HttpStatus.CONFLICT, "REQUEST_NOT_PENDING", "This friend request was already answered or cancelled.");
	}

}
