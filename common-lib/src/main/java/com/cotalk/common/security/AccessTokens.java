package com.cotalk.common.security;

import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtValidators;

/**
 * The claim checks every verifier of a Co-Talk access token applies, servlet services and
 * the gateway alike.
 */
public final class AccessTokens {

	private AccessTokens() {
	}

	/**
	 * Expiry (with the default 60 s skew), issuer and audience; a token missing
	 * {@code exp} or not naming the audience is refused. The signature algorithm
	 * allowlist (RS256) is set on the decoder itself.
	 */
	public static OAuth2TokenValidator<Jwt> validator(String issuer, String audience) {
		OAuth2TokenValidator<Jwt> audienceAndExpiry = (token) -> (token.getAudience() != null
				&& token.getAudience().contains(audience) && token.getExpiresAt() != null)
						? OAuth2TokenValidatorResult.success()
						: OAuth2TokenValidatorResult.failure(new OAuth2Error("invalid_token"));
		return new DelegatingOAuth2TokenValidator<>(JwtValidators.createDefaultWithIssuer(issuer), audienceAndExpiry);
	}

}
