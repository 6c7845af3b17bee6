package com.cotalk.message.edit;

import org.springframework.http.HttpStatus;

import com.cotalk.common.error.ApiException;

/** Only the sender edits or deletes a message; the other members see it exists. */
class NotMessageSenderException extends ApiException {

	static final String CODE = "NOT_MESSAGE_SENDER";

	NotMessageSenderException() {
		super(HttpStatus.FORBIDDEN, CODE, "Only the sender can change this message.");
	}

}
