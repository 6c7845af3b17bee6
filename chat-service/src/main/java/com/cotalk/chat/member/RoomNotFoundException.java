package com.cotalk.chat.member;

import org.springframework.http.HttpStatus;

import com.cotalk.common.error.ApiException;

/**
 * Unknown rooms and rooms the caller is not a member of get this same answer, so that a
 * room's existence does not leak.
 */
public class RoomNotFoundException extends ApiException {

	public static final String CODE = "ROOM_NOT_FOUND";

	public RoomNotFoundException() {
		super(HttpStatus.NOT_FOUND, CODE, "No such room.");
	}

}
