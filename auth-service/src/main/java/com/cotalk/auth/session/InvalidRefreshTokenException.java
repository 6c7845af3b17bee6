package com.cotalk.auth.session;

import org.springframework.http.HttpStatus;

import com.cotalk.common.error.ApiException;
import com.cotalk.common.error.ErrorCode;

/**
 * Unknown, expired, revoked or reused: the client learns only that it must log in again.
 */
class InvalidRefreshTokenException extends ApiException {

	InvalidRefreshTokenException() {
		super(HttpStatus.UNAUTHORIZED, ErrorCode.UNAUTHORIZED, "The refresh token is not valid; log in again.");
	}

}
