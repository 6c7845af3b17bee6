package com.cotalk.message.edit;

import org.springframework.http.HttpStatus;

import com.cotalk.common.error.ApiException;

/**
 * The message cannot change any more: it was deleted for everyone
 * ({@code MESSAGE_DELETED}) or it is a SYSTEM message, which records a change of the room
 * rather than anyone's words ({@code MESSAGE_NOT_EDITABLE}).
 */
class MessageNotEditableException extends ApiException {

	static final String DELETED = "MESSAGE_DELETED";

	static final String NOT_EDITABLE = "MESSAGE_NOT_EDITABLE";

	private MessageNotEditableException(String code, String detail) {
		super(HttpStatus.CONFLICT, code, detail);
	}

	static MessageNotEditableException deleted() {
		return new MessageNotEditableException(DELETED, "The message was deleted.");
	}

	static MessageNotEditableException system() {
		return new MessageNotEditableException(NOT_EDITABLE, "System messages cannot be changed.");
	}

}
