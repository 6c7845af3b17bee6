package com.cotalk.chat.delivery;

import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Lazy;
import org.springframework.scheduling.TaskScheduler;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.stereotype.Component;

import com.cotalk.common.error.ErrorCode;
import com.cotalk.common.security.RevokedSessions;

/**
 * Access tokens on STOMP: verified like every REST call's (the service's
 * {@link JwtDecoder}: RS256, JWKS, iss, aud, exp), but without clock skew on expiry, and
 * a session ends at its token's {@code exp} unless a newer token was presented on
 * {@code /app/auth}.
 */
@Component
class StompAuthentication {

	static final String AUTHORIZATION = "Authorization";

	private final JwtDecoder decoder;

	private final TaskScheduler scheduler;

	private final Frames frames;

	private final RevokedSessionWatcher revocations;

	StompAuthentication(JwtDecoder decoder, @Lazy @Qualifier("messageBrokerTaskScheduler") TaskScheduler scheduler,
			Frames frames, RevokedSessionWatcher revocations) {
		this.decoder = decoder;
		this.revocations = revocations;
		this.scheduler = scheduler;
		this.frames = frames;
	}

	/** The verified token of an {@code Authorization: Bearer} header, else null. */
	@Nullable Verified verify(@Nullable String authorization) {
		if (authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
			return null;
		}
		try {
			Jwt jwt = this.decoder.decode(authorization.substring(7).strip());
			Instant expiresAt = jwt.getExpiresAt();
			if (expiresAt == null || !expiresAt.isAfter(Instant.now()) || jwt.getSubject() == null) {
				return null;
			}
			String sid = jwt.getClaimAsString(RevokedSessions.SESSION_CLAIM);
			UUID sessionId = (sid != null) ? UUID.fromString(sid) : null;
			return new Verified(UUID.fromString(jwt.getSubject()), expiresAt, sessionId,
					this.revocations.isRevoked(sessionId));
		}
		catch (JwtException | IllegalArgumentException ex) {
			return null;
		}
	}

	/** At {@code expiresAt} the session gets an {@code ERROR} frame and is closed. */
	void expireAt(LiveSession session, Instant expiresAt) {
		session.expireAt(this.scheduler.schedule(() -> Thread.ofVirtual()
			.name("stomp-expiry-" + session.id())
			.start(() -> this.frames.error(session.id(), ErrorCode.UNAUTHORIZED)), expiresAt));
	}

	/**
	 * @param sessionId the session the token belongs to (claim {@code sid}), null for
	 * tokens issued before sessions were named
	 * @param revoked the session was revoked (logout): the token must not open or renew a
	 * session
	 */
	record Verified(UUID userId, Instant expiresAt, @Nullable UUID sessionId, boolean revoked) {
	}

}
