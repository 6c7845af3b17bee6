package com.cotalk.gateway.web;

import java.util.regex.Pattern;

import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

import com.cotalk.common.error.ApiException;
import com.cotalk.common.error.ErrorCode;
import com.cotalk.gateway.FilterOrder;

import reactor.core.publisher.Mono;

/**
 * Path-traversal defence: the gateway forwards the raw path, and a downstream Tomcat
 * decodes and normalises it, so {@code /api/users/%2e%2e/internal/x} would reach
 * {@code /api/internal/x} behind a route that only meant {@code /api/users/**}. Any path
 * that could change meaning on the way is answered 404, as is any {@code internal}
 * segment: {@code /internal/**} is for service-to-service calls only.
 */
@Component
final class PathGuardWebFilter implements WebFilter, Ordered {

	/** Encoded dot, slash, backslash, percent (double encoding) and NUL. */
	private static final Pattern ENCODED = Pattern.compile("%(2e|2f|5c|25|00)", Pattern.CASE_INSENSITIVE);

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		if (isForbidden(exchange.getRequest().getURI().getRawPath())) {
			return Mono.error(new ApiException(HttpStatus.NOT_FOUND, ErrorCode.NOT_FOUND, "No such resource."));
		}
		return chain.filter(exchange);
	}

	static boolean isForbidden(String rawPath) {
		if (rawPath.contains("..") || rawPath.indexOf('\\') >= 0 || ENCODED.matcher(rawPath).find()) {
			return true;
		}
		for (String segment : rawPath.split("/")) {
			// Tomcat drops ";params" from a segment before matching, so "internal;x" is
			// "internal" there.
			int params = segment.indexOf(';');
			String name = (params >= 0) ? segment.substring(0, params) : segment;
			if (name.equals(".") || name.equalsIgnoreCase("internal")) {
				return true;
			}
		}
		return false;
	}

	@Override
	public int getOrder() {
		return FilterOrder.PATH_GUARD;
	}

}
