package com.cotalk.common.web;

import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;

import com.cotalk.common.error.ErrorCode;
import com.cotalk.common.error.Problems;

/**
 * The generic problem for a bare status (framework errors, the error page), worded
 * without internals.
 */
public final class StatusProblems {

	private StatusProblems() {
	}

	public static ProblemDetail forStatus(HttpStatusCode statusCode) {
		HttpStatus status = HttpStatus.resolve(statusCode.value());
		if (status == null) {
			status = HttpStatus.INTERNAL_SERVER_ERROR;
		}
		return switch (status) {
			case BAD_REQUEST -> Problems.of(status, ErrorCode.MALFORMED_REQUEST, "The request could not be read.");
			case UNAUTHORIZED -> Problems.of(status, ErrorCode.UNAUTHORIZED, "Authentication is required.");
			case FORBIDDEN -> Problems.of(status, ErrorCode.FORBIDDEN, "Not allowed.");
			case NOT_FOUND -> Problems.of(status, ErrorCode.NOT_FOUND, "No such resource.");
			case METHOD_NOT_ALLOWED -> Problems.of(status, ErrorCode.METHOD_NOT_ALLOWED, "Method not allowed here.");
			case UNSUPPORTED_MEDIA_TYPE ->
				Problems.of(status, ErrorCode.UNSUPPORTED_MEDIA_TYPE, "Send application/json.");
			case CONTENT_TOO_LARGE ->
				Problems.of(status, ErrorCode.PAYLOAD_TOO_LARGE, "The request body is too large.");
			case TOO_MANY_REQUESTS ->
				Problems.of(status, ErrorCode.RATE_LIMITED, "Too many requests; try again later.");
			case SERVICE_UNAVAILABLE ->
				Problems.of(status, ErrorCode.SERVICE_UNAVAILABLE, "The service is temporarily unavailable.");
			default -> status.is5xxServerError()
					? Problems.of(status, ErrorCode.INTERNAL_ERROR, "An unexpected error occurred.")
					: Problems.of(status, status.name(), status.getReasonPhrase());
		};
	}

}
