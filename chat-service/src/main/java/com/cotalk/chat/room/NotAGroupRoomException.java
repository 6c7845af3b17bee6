package com.cotalk.chat.room;

import org.springframework.http.HttpStatus;

import com.cotalk.common.error.ApiException;

/** A direct room keeps its two members: nobody can be invited into it. */
class NotAGroupRoomException extends ApiException {

	NotAGroupRoomException() {
		super(HttpStatus.CONFLICT, "NOT_A_GROUP_ROOM", "Members can only be added to a group room.");
	}

}
