package com.cotalk.common.web;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

import tools.jackson.databind.json.JsonMapper;

import com.cotalk.common.error.ProblemBodies;

/**
 * Refuses request bodies over the configured size with 413 before anything reads them.
 */
public class BodySizeLimitFilter extends OncePerRequestFilter {

	private final long maxBytes;

	private final JsonMapper jsonMapper;

	public BodySizeLimitFilter(long maxBytes, JsonMapper jsonMapper) {
		this.maxBytes = maxBytes;
		this.jsonMapper = jsonMapper;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		if (request.getContentLengthLong() > this.maxBytes) {
			response.setStatus(HttpStatus.CONTENT_TOO_LARGE.value());
			response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
			this.jsonMapper.writeValue(response.getOutputStream(),
					ProblemBodies.toMap(StatusProblems.forStatus(HttpStatus.CONTENT_TOO_LARGE)));
			return;
		}
		chain.doFilter(request, response);
	}

}
