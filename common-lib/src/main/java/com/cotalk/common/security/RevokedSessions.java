package com.cotalk.common.security;

/**
 * Sessions ended before their access tokens expire (logout, a reused refresh token).
 * auth-service adds each to one Redis sorted set, scored by when it was revoked and kept
 * as long as an access token lives; chat-service reads what was added since it last
 * looked and closes those sessions' sockets, and refuses their tokens on CONNECT.
 */
public final class RevokedSessions {

	/** The access-token claim naming the session (the refresh-token family). */
	public static final String SESSION_CLAIM = "sid";

	/** Session id to the epoch millisecond it was revoked. */
	public static final String KEY = "auth:revoked-sessions";

	/** The {@code ERROR} frame's {@code message} for a socket of a revoked session. */
	public static final String SESSION_REVOKED = "SESSION_REVOKED";

	private RevokedSessions() {
	}

}
