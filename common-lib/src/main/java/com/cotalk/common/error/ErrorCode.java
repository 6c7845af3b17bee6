package com.cotalk.common.error;

/**
 * The stable error codes shared by every service. Services add their own next to their
 * features.
 */
public final class ErrorCode {

	public static final String UNAUTHORIZED = "UNAUTHORIZED";

	public static final String FORBIDDEN = "FORBIDDEN";

	public static final String NOT_FOUND = "NOT_FOUND";

	public static final String VALIDATION_FAILED = "VALIDATION_FAILED";

	public static final String MALFORMED_REQUEST = "MALFORMED_REQUEST";

	public static final String METHOD_NOT_ALLOWED = "METHOD_NOT_ALLOWED";

	public static final String UNSUPPORTED_MEDIA_TYPE = "UNSUPPORTED_MEDIA_TYPE";

	public static final String PAYLOAD_TOO_LARGE = "PAYLOAD_TOO_LARGE";

	public static final String RATE_LIMITED = "RATE_LIMITED";

	public static final String SERVICE_UNAVAILABLE = "SERVICE_UNAVAILABLE";

	public static final String INTERNAL_ERROR = "INTERNAL_ERROR";

	private ErrorCode() {
	}

}
