package com.cotalk.notification.push;

import java.security.PrivateKey;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;

import io.jsonwebtoken.Jwts;
import org.jspecify.annotations.Nullable;

/**
 * The APNs provider token: an ES256 JWT naming the key ({@code kid}) and the team
 * ({@code iss}). APNs refuses tokens older than an hour and throttles providers that make
 * new ones more often than every 20 minutes, so one token serves for 50 minutes.
 */
final class ApnsProviderToken {

	static final Duration LIFETIME = Duration.ofMinutes(50);

	private final String teamId;

	private final String keyId;

	private final PrivateKey key;

	private final Clock clock;

	private @Nullable String token;

	private Instant issuedAt = Instant.EPOCH;

	ApnsProviderToken(String teamId, String keyId, PrivateKey key, Clock clock) {
		this.teamId = teamId;
		this.keyId = keyId;
		this.key = key;
		this.clock = clock;
	}

	synchronized String current() {
		Instant now = this.clock.instant();
		if (this.token == null || !now.isBefore(this.issuedAt.plus(LIFETIME))) {
			this.issuedAt = now;
			this.token = Jwts.builder()
				.header()
				.keyId(this.keyId)
				.and()
				.issuer(this.teamId)
				.issuedAt(Date.from(now))
				.signWith(this.key, Jwts.SIG.ES256)
				.compact();
		}
		return this.token;
	}

	/**
	 * A new token in place of {@code rejected}, unless another thread already made one.
	 */
	synchronized String renew(String rejected) {
		if (rejected.equals(this.token)) {
			this.token = null;
		}
		return current();
	}

}
