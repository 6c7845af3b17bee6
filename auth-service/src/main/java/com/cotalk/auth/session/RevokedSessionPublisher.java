package com.cotalk.auth.session;

import java.time.Clock;
import java.time.Duration;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

import com.cotalk.auth.AuthProperties;
import com.cotalk.common.security.RevokedSessions;

/**
 * Tells chat-service about revoked sessions once the revocation is committed
 * ({@link RevokedSessions}). Entries are kept as long as an access token of the session
 * could still be presented, and pruned with each new one.
 */
@Component
class RevokedSessionPublisher {

	private static final Logger log = LoggerFactory.getLogger(RevokedSessionPublisher.class);

	private final StringRedisTemplate redis;

	private final Duration keep;

	private final Clock clock = Clock.systemUTC();

	RevokedSessionPublisher(StringRedisTemplate redis, AuthProperties properties) {
		this.redis = redis;
		this.keep = properties.jwt().accessTokenTtl().plusMinutes(1);
	}

	@TransactionalEventListener
	void onRevoked(SessionRevoked revoked) {
		long now = this.clock.millis();
		try {
			this.redis.opsForZSet().add(RevokedSessions.KEY, revoked.sessionId().toString(), now);
			this.redis.opsForZSet().removeRangeByScore(RevokedSessions.KEY, 0, now - this.keep.toMillis());
		}
		catch (DataAccessException ex) {
			// refresh tokens are revoked anyway; sockets last until their tokens expire
			log.warn("Could not announce revoked session {}: {}", revoked.sessionId(), ex.toString());
		}
	}

}
