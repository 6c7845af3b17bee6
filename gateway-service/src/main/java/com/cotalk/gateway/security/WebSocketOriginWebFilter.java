package com.cotalk.gateway.security;

import java.net.URI;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
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
 * A browser page on another site must not open a STOMP session with the user's browser
 * (cross-site WebSocket hijacking): the handshake of {@code /ws} is refused with 403 when
 * it carries an {@code Origin} that is neither the gateway's own nor one of the allowed
 * browser origins ({@code cotalk.gateway.cors.allowed-origins}). Native apps send no
 * {@code Origin} and pass. The gateway checks it itself because the proxied handshake
 * does not carry the browser's {@code Origin} to chat-service.
 */
@Component
final class WebSocketOriginWebFilter implements WebFilter, Ordered {

	private final Set<String> allowed;

	WebSocketOriginWebFilter(CorsProperties properties) {
		this.allowed = properties.allowedOrigins()
			.stream()
			.filter((origin) -> !origin.isBlank())
			.map(WebSocketOriginWebFilter::normalise)
			.collect(Collectors.toUnmodifiableSet());
	}

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		String path = exchange.getRequest().getPath().pathWithinApplication().value();
		if (!path.equals("/ws") && !path.startsWith("/ws/")) {
			return chain.filter(exchange);
		}
		String origin = exchange.getRequest().getHeaders().getOrigin();
		if (origin == null || this.allowed.contains(normalise(origin))
				|| isSameOrigin(origin, exchange.getRequest().getHeaders().getFirst(HttpHeaders.HOST))) {
			return chain.filter(exchange);
		}
		return Mono.error(new ApiException(HttpStatus.FORBIDDEN, ErrorCode.FORBIDDEN,
				"WebSocket connections from this origin are not allowed."));
	}

	private static boolean isSameOrigin(String origin, @Nullable String host) {
		if (host == null) {
			return false;
		}
		try {
			URI uri = URI.create(origin);
			if (uri.getHost() == null) {
				return false;
			}
			int port = (uri.getPort() != -1) ? uri.getPort() : ("https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80);
			String originHost = uri.getHost().toLowerCase(Locale.ROOT) + ":" + port;
			String requestHost = host.toLowerCase(Locale.ROOT);
			if (!requestHost.contains(":") || requestHost.endsWith("]")) {
				requestHost = requestHost + ":" + port;
			}
			return originHost.equals(requestHost);
		}
		catch (IllegalArgumentException ex) {
			return false;
		}
	}

	private static String normalise(String origin) {
		String lower = origin.strip().toLowerCase(Locale.ROOT);
		return lower.endsWith("/") ? lower.substring(0, lower.length() - 1) : lower;
	}

	@Override
	public int getOrder() {
		return FilterOrder.WEBSOCKET_ORIGIN;
	}

}
