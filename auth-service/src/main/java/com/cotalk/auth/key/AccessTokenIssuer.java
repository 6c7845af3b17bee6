package com.cotalk.auth.key;

import java.time.Clock;
import java.time.Instant;
import java.util.Date;
import java.util.UUID;

import org.springframework.stereotype.Component;

import com.cotalk.auth.AuthProperties;

import com.cotalk.common.security.RevokedSessions;

import io.jsonwebtoken.Jwts;

/**
 * Signs short-lived access tokens: RS256 with a {@code kid}, claims sub, iss, aud, iat,
 * exp and jti.
 */
@Component
public class AccessTokenIssuer {

	private final SigningKeys keys;

	private final AuthProperties.Jwt settings;

	private final Clock clock;

	AccessTokenIssuer(SigningKeys keys, AuthProperties properties) {
		this.keys = keys;
		this.settings = properties.jwt();
		this.clock = Clock.systemUTC();
	}

	public record IssuedToken(String token, long expiresInSeconds) {
	}

	/**
	 * @param sessionId the session (refresh-token family) the token belongs to, as claim
	 * {@code sid}: revoking the session ends the sockets opened with its tokens
	 */
	public IssuedToken issue(UUID userId, UUID sessionId) {
		Instant now = this.clock.instant();
		Instant expiry = now.plus(this.settings.accessTokenTtl());
		String token = Jwts.builder()
			.header()
			.keyId(this.keys.currentKid())
			.and()
			.subject(userId.toString())
			.issuer(this.settings.issuer())
			.audience()
			.add(this.settings.audience())
			.and()
			.issuedAt(Date.from(now))
			.expiration(Date.from(expiry))
			.id(UUID.randomUUID().toString())
			.claim(RevokedSessions.SESSION_CLAIM, sessionId.toString())
			.signWith(this.keys.currentPrivateKey(), Jwts.SIG.RS256)
			.compact();
		return new IssuedToken(token, this.settings.accessTokenTtl().toSeconds());
	}

}
