package com.cotalk.chat.delivery;

import java.time.Clock;
import java.time.Duration;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.ZSetOperations;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import com.cotalk.common.security.RevokedSessions;

/**
 * Ends the sockets of revoked sessions (logout, a reused refresh token) within about a
 * second: once a second it reads the sessions auth-service revoked since the last look
 * ({@link RevokedSessions}, one Redis command however many sockets this instance holds),
 * sends each of their sockets an {@code ERROR} {@code SESSION_REVOKED} and closes it. The
 * revocations of the last access-token lifetime are kept here, so a token of a revoked
 * session cannot open or renew a session either, without a Redis call per CONNECT.
 */
@Component
class RevokedSessionWatcher {

	private static final Logger log = LoggerFactory.getLogger(RevokedSessionWatcher.class);

	/** Longer than an access token lives (15 minutes by default). */
	private static final Duration KEEP = Duration.ofMinutes(20);

	private final StringRedisTemplate redis;

	private final SessionRegistry registry;

	private final Frames frames;

	private final Map<UUID, Long> revoked = new ConcurrentHashMap<>();

	private final Clock clock = Clock.systemUTC();

	/** The revocation time read up to; 0 until the first read, which reads them all. */
	private volatile long readUpTo;

	RevokedSessionWatcher(StringRedisTemplate redis, SessionRegistry registry, Frames frames) {
		this.redis = redis;
		this.registry = registry;
		this.frames = frames;
	}

	boolean isRevoked(@Nullable UUID sessionId) {
		return sessionId != null && this.revoked.containsKey(sessionId);
	}

	@Scheduled(fixedDelayString = "${cotalk.chat.ws.revocation-check-interval:1s}")
	void closeRevokedSessions() {
		long now = this.clock.millis();
		long from = Math.max(this.readUpTo, now - KEEP.toMillis());
		Set<ZSetOperations.TypedTuple<String>> added;
		try {
			// entries of the same millisecond may arrive after a read: read a second back
			added = this.redis.opsForZSet().rangeByScoreWithScores(RevokedSessions.KEY, from - 1000, Double.MAX_VALUE);
		}
		catch (DataAccessException ex) {
			log.debug("Could not read revoked sessions: {}", ex.toString());
			return;
		}
		Set<UUID> fresh = new HashSet<>();
		if (added == null) {
			return;
		}
		for (ZSetOperations.TypedTuple<String> entry : added) {
			if (entry.getValue() == null || entry.getScore() == null) {
				continue;
			}
			UUID sessionId = UUID.fromString(entry.getValue());
			if (this.revoked.putIfAbsent(sessionId, entry.getScore().longValue()) == null) {
				fresh.add(sessionId);
			}
			this.readUpTo = Math.max(this.readUpTo, entry.getScore().longValue());
		}
		if (!fresh.isEmpty()) {
			close(fresh);
		}
		this.revoked.values().removeIf((at) -> at < now - KEEP.toMillis());
	}

	/** One pass over this instance's sessions, however many sessions were revoked. */
	private void close(Set<UUID> sessionIds) {
		for (LiveSession session : this.registry.all()) {
			if (sessionIds.contains(session.authSessionId())) {
				log.info("Closing STOMP session {} of user {}: its session was revoked", session.id(),
						session.userId());
				this.frames.error(session.id(), RevokedSessions.SESSION_REVOKED);
			}
		}
	}

}
