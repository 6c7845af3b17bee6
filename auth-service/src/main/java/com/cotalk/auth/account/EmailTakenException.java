package com.cotalk.auth.account;

import org.springframework.http.HttpStatus;

import com.cotalk.common.error.ApiException;

class EmailTakenException extends ApiException {

	EmailTakenException() {
		super(HttpStatus.CONFLICT, "EMAIL_TAKEN", "An account with this email already exists.");
	}

}
