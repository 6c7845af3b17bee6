package com.cotalk.common.presence;

import java.util.UUID;

/**
 * Where a user's presence lives in Redis; chat-service writes it, others (friend-service)
 * read it.
 * <p>
 * {@code presence:{<userId>}} is a sorted set with one member per live STOMP session
 * ({@code <instanceId>:<sessionId>}), scored with the epoch milliseconds until which that
 * session counts as live. chat-service refreshes the score on heart-beats and removes the
 * member on disconnect; a crashed instance's members simply stop being refreshed. A user
 * is online iff the set has a member scored at or after now: {@code ZCOUNT presence:{id}
 * <nowMillis> +inf > 0}. The key itself expires shortly after its newest member, so idle
 * users leave nothing behind. The hash tag keeps all of a user's presence in one Redis
 * Cluster slot.
 */
public final class PresenceKeys {

	/** How long a session counts as live after its last refresh. */
	public static final long SESSION_TTL_MILLIS = 60_000;

	private PresenceKeys() {
	}

	public static String key(UUID userId) {
		return "presence:{" + userId + "}";
	}

}
