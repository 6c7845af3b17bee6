package com.cotalk.gateway.ratelimit;

import java.time.Duration;

import org.springframework.core.Ordered;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

import com.cotalk.common.error.ApiException;
import com.cotalk.gateway.FilterOrder;

import reactor.core.publisher.Mono;

/**
 * Per user, after the token is verified, so that one account cannot use many addresses to
 * get around the limit.
 */
@Component
final class UserRateLimitFilter implements WebFilter, Ordered {

	private final TokenBuckets buckets;

	private final RateLimitProperties properties;

	UserRateLimitFilter(TokenBuckets buckets, RateLimitProperties properties) {
		this.buckets = buckets;
		this.properties = properties;
	}

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		if (!this.properties.enabled()) {
			return chain.filter(exchange);
		}
		return exchange.getPrincipal()
			.ofType(JwtAuthenticationToken.class)
			.flatMap((token) -> this.buckets.take("user", token.getToken().getSubject(), this.properties.user()))
			.defaultIfEmpty(Duration.ZERO)
			.flatMap((delay) -> delay.isZero() ? chain.filter(exchange) : Mono.error(ApiException.rateLimited(delay)));
	}

	@Override
	public int getOrder() {
		return FilterOrder.USER_RATE_LIMIT;
	}

}
