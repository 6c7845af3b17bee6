package com.cotalk.gateway.security;

import java.security.Principal;

import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.GlobalFilter;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;

import com.cotalk.common.Headers;
import com.cotalk.gateway.web.ClientAddress;

import reactor.core.publisher.Mono;

/**
 * Whatever a client says about who it is or where it comes from is dropped; the gateway
 * states it instead. {@code X-User-Id} is the verified token's {@code sub} and is
 * informational: services verify the token in {@code Authorization} themselves, which
 * passes through untouched.
 */
@Component
final class IdentityHeadersFilter implements GlobalFilter, Ordered {

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
		String clientIp = ClientAddress.of(exchange.getRequest());
		return exchange.getPrincipal()
			.map(IdentityHeadersFilter::verifiedUserId)
			.defaultIfEmpty("")
			.flatMap((userId) -> chain
				.filter(exchange.mutate().request(withIdentity(exchange.getRequest(), userId, clientIp)).build()));
	}

	private static String verifiedUserId(Principal principal) {
		return (principal instanceof JwtAuthenticationToken token && token.getToken().getSubject() != null)
				? token.getToken().getSubject() : "";
	}

	private static ServerHttpRequest withIdentity(ServerHttpRequest request, String userId, String clientIp) {
		return request.mutate().headers((headers) -> {
			strip(headers);
			if (!userId.isEmpty()) {
				headers.set(Headers.USER_ID, userId);
			}
			headers.set(Headers.CLIENT_IP, clientIp);
		}).build();
	}

	private static void strip(HttpHeaders headers) {
		headers.remove(Headers.USER_ID);
		headers.remove(Headers.CLIENT_IP);
		headers.remove(Headers.INTERNAL_TOKEN);
	}

	@Override
	public int getOrder() {
		// Early among the gateway filters; the routing filters that copy headers
		// downstream run last.
		return Ordered.HIGHEST_PRECEDENCE;
	}

}
