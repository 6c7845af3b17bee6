package com.cotalk.gateway.web;

import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

import com.cotalk.common.CorrelationIds;
import com.cotalk.common.Headers;
import com.cotalk.gateway.FilterOrder;

import reactor.core.publisher.Mono;

/**
 * Keeps a well-formed client correlation id (or else the ingress's request id) or makes
 * one, sends it downstream and echoes it on every answer, the gateway's own errors
 * included.
 */
@Component
final class CorrelationIdWebFilter implements WebFilter, Ordered {

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		HttpHeaders incoming = exchange.getRequest().getHeaders();
		String candidate = incoming.getFirst(Headers.CORRELATION_ID);
		String id = CorrelationIds.sanitize((candidate != null) ? candidate : incoming.getFirst(Headers.REQUEST_ID));
		ServerHttpRequest request = exchange.getRequest()
			.mutate()
			.headers((headers) -> headers.set(Headers.CORRELATION_ID, id))
			.build();
		// Shared by every mutated copy of the exchange, so the error handler can log it.
		exchange.getAttributes().put(Headers.MDC_CORRELATION_ID, id);
		// On commit rather than now: a proxied answer's headers are copied over ours, and
		// the error handler clears them.
		exchange.getResponse().beforeCommit(() -> {
			exchange.getResponse().getHeaders().set(Headers.CORRELATION_ID, id);
			return Mono.empty();
		});
		return chain.filter(exchange.mutate().request(request).build());
	}

	@Override
	public int getOrder() {
		return FilterOrder.CORRELATION_ID;
	}

}
