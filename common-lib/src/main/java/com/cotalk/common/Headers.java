package com.cotalk.common;

/** Header names that cross service boundaries. */
public final class Headers {

	/**
	 * Correlation id: set by the gateway (or accepted from the client), echoed on every
	 * response, logged everywhere.
	 */
	public static final String CORRELATION_ID = "X-Correlation-Id";

	/**
	 * The request id a load balancer or ingress may have set (ingress-nginx, Envoy):
	 * taken as the correlation id when the client sent none, so that the ingress's access
	 * log and the services' logs share one id.
	 */
	public static final String REQUEST_ID = "X-Request-Id";

	/**
	 * The user the gateway verified. Informational for services: they verify the JWT
	 * themselves (docs/security.md).
	 */
	public static final String USER_ID = "X-User-Id";

	/**
	 * The client's address as the gateway saw it; client-sent values are stripped by the
	 * gateway.
	 */
	public static final String CLIENT_IP = "X-Client-Ip";

	/** Shared service credential required on every {@code /internal/**} call. */
	public static final String INTERNAL_TOKEN = "X-Internal-Token";

	/** MDC key of the correlation id in structured logs. */
	public static final String MDC_CORRELATION_ID = "correlationId";

	private Headers() {
	}

}
