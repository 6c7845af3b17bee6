package com.cotalk.common.error;

import java.time.Duration;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;

/**
 * A failure a client is meant to see: a status, a stable {@code code} and a human
 * {@code detail}. Domain exceptions extend it ({@code EmailTakenException},
 * {@code RoomNotFoundException}); one handler turns every one into problem+json.
 */
public class ApiException extends RuntimeException {

	private final HttpStatus status;

	private final String code;

	private final List<FieldViolation> violations;

	private final @Nullable Duration retryAfter;

	public ApiException(HttpStatus status, String code, String detail) {
		this(status, code, detail, List.of(), null);
	}

	public ApiException(HttpStatus status, String code, String detail, List<FieldViolation> violations,
			@Nullable Duration retryAfter) {
		super(detail, null, false, false);
		this.status = status;
		this.code = code;
		this.violations = List.copyOf(violations);
		this.retryAfter = retryAfter;
	}

	public static ApiException validation(String field, String message) {
		return new ApiException(HttpStatus.BAD_REQUEST, ErrorCode.VALIDATION_FAILED, "The request is not valid.",
				List.of(new FieldViolation(field, message)), null);
	}

	public static ApiException rateLimited(Duration retryAfter) {
		return new ApiException(HttpStatus.TOO_MANY_REQUESTS, ErrorCode.RATE_LIMITED,
				"Too many requests; try again later.", List.of(), retryAfter);
	}

	public HttpStatus status() {
		return this.status;
	}

	public String code() {
		return this.code;
	}

	public List<FieldViolation> violations() {
		return this.violations;
	}

	public @Nullable Duration retryAfter() {
		return this.retryAfter;
	}

}
