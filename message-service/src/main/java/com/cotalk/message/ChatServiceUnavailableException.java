package com.cotalk.message;

import org.springframework.http.HttpStatus;

import com.cotalk.common.error.ApiException;
import com.cotalk.common.error.ErrorCode;

/** Membership lives in chat-service; without it no history can be shown to anyone. */
public class ChatServiceUnavailableException extends ApiException {

	public ChatServiceUnavailableException() {
		super(HttpStatus.SERVICE_UNAVAILABLE, ErrorCode.SERVICE_UNAVAILABLE, "The service is temporarily unavailable.");
	}

}
