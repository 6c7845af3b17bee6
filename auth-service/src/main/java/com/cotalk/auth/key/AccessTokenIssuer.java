package com.cotalk.auth.key;

import java.time.Clock;
import java.time.Instant;
import java.util.Date;
import java.util.UUID;

import org.springframework.stereotype.Component;

import com.cotalk.auth.AuthProperties;

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

	public IssuedToken issue(UUID userId) {
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
			.signWith(this.keys.currentPrivateKey(), Jwts.SIG.RS256)
			.compact();
		return new IssuedToken(token, this.settings.accessTokenTtl().toSeconds());
	}

}
