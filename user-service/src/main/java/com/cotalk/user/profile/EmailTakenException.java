package com.cotalk.user.profile;

import org.springframework.http.HttpStatus;

import com.cotalk.common.error.ApiException;

/** Another user's profile already has this email (compared without case). */
class EmailTakenException extends ApiException {

	static final String CODE = "EMAIL_TAKEN";

	EmailTakenException() {
		super(HttpStatus.CONFLICT, CODE, "Another profile already has this email.");
	}

}
