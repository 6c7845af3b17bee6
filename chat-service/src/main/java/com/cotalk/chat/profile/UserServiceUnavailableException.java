package com.cotalk.chat.profile;

import org.springframework.http.HttpStatus;

import com.cotalk.common.error.ApiException;
import com.cotalk.common.error.ErrorCode;

/** user-service did not answer and the cache could not stand in for it. */
class UserServiceUnavailableException extends ApiException {

	UserServiceUnavailableException() {
		super(HttpStatus.SERVICE_UNAVAILABLE, ErrorCode.SERVICE_UNAVAILABLE,
				"Profiles are temporarily unavailable; try again shortly.");
	}

}
