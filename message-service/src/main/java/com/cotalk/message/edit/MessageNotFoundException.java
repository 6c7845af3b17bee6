package com.cotalk.message.edit;

import org.springframework.http.HttpStatus;

import com.cotalk.common.error.ApiException;

/**
 * No stored message has that seq in the room (the room itself is one of the caller's).
 */
class MessageNotFoundException extends ApiException {

	static final String CODE = "MESSAGE_NOT_FOUND";

	MessageNotFoundException() {
		super(HttpStatus.NOT_FOUND, CODE, "No such message.");
	}

}
