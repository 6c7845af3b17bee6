package com.cotalk.gateway;

import org.springframework.core.Ordered;

/**
 * The order of the gateway's web filters around Spring Security's chain. Cheap rejections
 * come first, so that a flood of bad requests costs neither a signature check nor a
 * downstream call; the per-user limit needs the verified token, so it comes right after
 * security.
 */
public final class FilterOrder {

	/** First, so that every answer, errors included, carries the id. */
	public static final int CORRELATION_ID = Ordered.HIGHEST_PRECEDENCE;

	/** Before anything that looks at the client's address. */
	public static final int TRUSTED_PROXY = Ordered.HIGHEST_PRECEDENCE + 5;

	/**
	 * Before the path and body checks: scanners probing for {@code /internal} are counted
	 * too.
	 */
	public static final int CLIENT_RATE_LIMIT = Ordered.HIGHEST_PRECEDENCE + 10;

	public static final int PATH_GUARD = Ordered.HIGHEST_PRECEDENCE + 20;

	public static final int BODY_SIZE_LIMIT = Ordered.HIGHEST_PRECEDENCE + 30;

	public static final int WEBSOCKET_ORIGIN = Ordered.HIGHEST_PRECEDENCE + 40;

	/**
	 * Spring Security's {@code WebFilterChainProxy} (package-private
	 * {@code WebFluxSecurityConfiguration}).
	 */
	public static final int SECURITY = -100;

	public static final int USER_RATE_LIMIT = SECURITY + 1;

	private FilterOrder() {
	}

}
