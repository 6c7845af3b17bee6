package com.cotalk.message.history;

import org.springframework.http.HttpStatus;

import com.cotalk.common.error.ApiException;

/**
 * The room does not exist or the caller is not a member: the same answer, so existence
 * does not leak.
 */
class RoomNotFoundException extends ApiException {

	static final String CODE = "ROOM_NOT_FOUND";

	RoomNotFoundException() {
		super(HttpStatus.NOT_FOUND, CODE, "No such room.");
	}

}
