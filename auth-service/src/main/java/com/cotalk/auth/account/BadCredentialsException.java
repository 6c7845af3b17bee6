package com.cotalk.auth.account;

import org.springframework.http.HttpStatus;

import com.cotalk.common.error.ApiException;

/**
 * The same answer for an unknown email and a wrong password, so that accounts cannot be
 * enumerated.
 */
public class BadCredentialsException extends ApiException {

	BadCredentialsException() {
		super(HttpStatus.UNAUTHORIZED, "BAD_CREDENTIALS", "The email or password is wrong.");
	}

}
