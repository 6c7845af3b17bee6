package com.cotalk.chat.profile;

import org.springframework.http.HttpStatus;

import com.cotalk.common.error.ApiException;

/**
 * Unknown users and users blocked either way get this very same answer, so that a block
 * does not show.
 */
public class UserNotFoundException extends ApiException {

	public static final String CODE = "USER_NOT_FOUND";

	public UserNotFoundException() {
		super(HttpStatus.NOT_FOUND, CODE, "No such user.");
	}

}
