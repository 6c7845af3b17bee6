package com.cotalk.common.error;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.http.ProblemDetail;

/**
 * The JSON shape of a problem as a plain map, for code that writes a response without
 * Spring's message converters (servlet filters, security entry points, the reactive
 * gateway): the extension members sit at the top level, as RFC 9457 wants.
 */
public final class ProblemBodies {

	private ProblemBodies() {
	}

	public static Map<String, Object> toMap(ProblemDetail problem) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("type", problem.getType().toString());
		body.put("title", problem.getTitle());
		body.put("status", problem.getStatus());
		if (problem.getDetail() != null) {
			body.put("detail", problem.getDetail());
		}
		if (problem.getInstance() != null) {
			body.put("instance", problem.getInstance().toString());
		}
		if (problem.getProperties() != null) {
			body.putAll(problem.getProperties());
		}
		return body;
	}

}
