package com.cotalk.user.profile;

import org.springframework.http.HttpStatus;

import com.cotalk.common.error.ApiException;

class UserNotFoundException extends ApiException {

	static final String CODE = "USER_NOT_FOUND";

	UserNotFoundException() {
		super(HttpStatus.NOT_FOUND, CODE, "No such user.");
	}

}
