package com.cotalk.common.security;

import java.io.IOException;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;

import com.cotalk.common.error.ProblemBodies;
import com.cotalk.common.web.StatusProblems;

import tools.jackson.databind.json.JsonMapper;

/**
 * 401 and 403 from Spring Security as problem+json, with no hint of why a token was
 * refused.
 */
final class ProblemSecurityHandlers {

	private final JsonMapper jsonMapper;

	ProblemSecurityHandlers(JsonMapper jsonMapper) {
		this.jsonMapper = jsonMapper;
	}

	AuthenticationEntryPoint entryPoint() {
		return (request, response, ex) -> write(response, HttpStatus.UNAUTHORIZED);
	}

	AccessDeniedHandler accessDenied() {
		return (request, response, ex) -> write(response, HttpStatus.FORBIDDEN);
	}

	private void write(HttpServletResponse response, HttpStatus status) throws IOException {
		response.setStatus(status.value());
		response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
		if (status == HttpStatus.UNAUTHORIZED) {
			response.setHeader("WWW-Authenticate", "Bearer");
		}
		this.jsonMapper.writeValue(response.getOutputStream(), ProblemBodies.toMap(StatusProblems.forStatus(status)));
	}

}
