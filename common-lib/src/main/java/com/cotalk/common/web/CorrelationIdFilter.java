package com.cotalk.common.web;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.slf4j.MDC;
import org.springframework.web.filter.OncePerRequestFilter;

import com.cotalk.common.CorrelationIds;
import com.cotalk.common.Headers;

/**
 * Takes the correlation id the gateway set (or makes one), puts it in the log context and
 * echoes it back.
 */
public class CorrelationIdFilter extends OncePerRequestFilter {

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String id = CorrelationIds.sanitize(request.getHeader(Headers.CORRELATION_ID));
		MDC.put(Headers.MDC_CORRELATION_ID, id);
		response.setHeader(Headers.CORRELATION_ID, id);
		try {
			chain.doFilter(request, response);
		}
		finally {
			MDC.remove(Headers.MDC_CORRELATION_ID);
		}
	}

}
