package com.cotalk.common.web;

import java.io.IOException;
import java.util.UUID;
import java.util.regex.Pattern;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.jspecify.annotations.Nullable;
import org.slf4j.MDC;
import org.springframework.web.filter.OncePerRequestFilter;

import com.cotalk.common.Headers;

/**
 * Takes the correlation id the gateway set (or makes one), puts it in the log context and
 * echoes it back.
 */
public class CorrelationIdFilter extends OncePerRequestFilter {

	private static final Pattern SAFE_ID = Pattern.compile("[A-Za-z0-9._-]{1,64}");

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String id = sanitize(request.getHeader(Headers.CORRELATION_ID));
		MDC.put(Headers.MDC_CORRELATION_ID, id);
		response.setHeader(Headers.CORRELATION_ID, id);
		try {
			chain.doFilter(request, response);
		}
		finally {
			MDC.remove(Headers.MDC_CORRELATION_ID);
		}
	}

	/**
	 * Accepts a well-formed id, otherwise makes a fresh one, so that no client text is
	 * logged verbatim.
	 */
	public static String sanitize(@Nullable String candidate) {
		return (candidate != null && SAFE_ID.matcher(candidate).matches()) ? candidate : UUID.randomUUID().toString();
	}

}
