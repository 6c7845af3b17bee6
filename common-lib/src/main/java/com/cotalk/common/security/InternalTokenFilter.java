package com.cotalk.common.security;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

import com.cotalk.common.Headers;

/**
 * Authenticates service-to-service calls on {@code /internal/**} by the shared internal
 * token.
 */
class InternalTokenFilter extends OncePerRequestFilter {

	static final String ROLE = "INTERNAL";

	private final byte[] expected;

	InternalTokenFilter(String internalToken) {
		this.expected = internalToken.getBytes(StandardCharsets.UTF_8);
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		return !request.getRequestURI().startsWith("/internal/");
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String presented = request.getHeader(Headers.INTERNAL_TOKEN);
		if (presented != null && MessageDigest.isEqual(this.expected, presented.getBytes(StandardCharsets.UTF_8))) {
			var authentication = UsernamePasswordAuthenticationToken.authenticated("internal", null,
					List.of(new SimpleGrantedAuthority("ROLE_" + ROLE)));
			SecurityContextHolder.getContext().setAuthentication(authentication);
		}
		chain.doFilter(request, response);
	}

}
