package com.cotalk.message;

import org.springframework.http.HttpStatus;

import com.cotalk.common.error.ApiException;

/**
 * The room does not exist or the caller is not a member: the same answer, so existence
 * does not leak.
 */
public class RoomNotFoundException extends ApiException {

	public static final String CODE = "ROOM_NOT_FOUND";

	public RoomNotFoundException() {
		super(HttpStatus.NOT_FOUND, CODE, "No such room.");
	}

}
