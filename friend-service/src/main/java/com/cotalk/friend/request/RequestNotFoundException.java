package com.cotalk.friend.request;

import org.springframework.http.HttpStatus;

import com.cotalk.common.error.ApiException;

class RequestNotFoundException extends ApiException {

	RequestNotFoundException() {
		super(HttpStatus.NOT_FOUND, "REQUEST_NOT_FOUND", "No such friend request.");
	}

}
