package com.cotalk.common.error;

import java.net.URI;
import java.util.List;

import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;

/**
 * Builds the RFC 9457 body every Co-Talk error uses: {@code type}, {@code title},
 * {@code status}, {@code detail}, {@code code} and, for validation, {@code errors}. Used
 * by the servlet services and by the reactive gateway alike.
 */
public final class Problems {

	private static final String TYPE_BASE = "https://cotalk.dev/problems/";

	private Problems() {
	}

	public static ProblemDetail of(HttpStatusCode status, String code, String detail) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
		problem.setType(URI.create(TYPE_BASE + code.toLowerCase().replace('_', '-')));
		problem.setProperty("code", code);
		return problem;
	}

	public static ProblemDetail of(HttpStatusCode status, String code, String detail, List<FieldViolation> errors) {
		ProblemDetail problem = of(status, code, detail);
		if (!errors.isEmpty()) {
			problem.setProperty("errors", errors);
		}
		return problem;
	}

	public static ProblemDetail of(ApiException ex) {
		return of(ex.status(), ex.code(), ex.getMessage(), ex.violations());
	}

}
