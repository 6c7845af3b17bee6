package com.cotalk.auth.session;

import java.util.UUID;

record TokenResponse(String accessToken, String refreshToken, String tokenType, long expiresIn, UUID userId) {

	TokenResponse(String accessToken, String refreshToken, long expiresIn, UUID userId) {
		this(accessToken, refreshToken, "Bearer", expiresIn, userId);
	}

}
