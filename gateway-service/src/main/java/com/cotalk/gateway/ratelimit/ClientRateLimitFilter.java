package com.cotalk.gateway.ratelimit;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;

import org.springframework.core.Ordered;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

import com.cotalk.common.error.ApiException;
import com.cotalk.gateway.FilterOrder;

import reactor.core.publisher.Mono;

/**
 * Per client address, before anything else is checked, so floods of bad tokens and probes
 * are limited too; a tighter bucket on {@code /api/auth/**}, where each request may cost
 * a bcrypt hash. Health probes are exempt: a probe that fails because of a limit would
 * take the instance out of service.
 */
@Component
final class ClientRateLimitFilter implements WebFilter, Ordered {

	private final TokenBuckets buckets;

	private final RateLimitProperties properties;

	ClientRateLimitFilter(TokenBuckets buckets, RateLimitProperties properties) {
		this.buckets = buckets;
		this.properties = properties;
	}

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		String path = exchange.getRequest().getPath().value();
		if (!this.properties.enabled() || path.startsWith("/actuator/health")) {
			return chain.filter(exchange);
		}
		String client = clientKey(exchange.getRequest());
		Mono<Duration> wait = this.buckets.take("ip", client, this.properties.ip());
		if (path.startsWith("/api/auth/") || path.equals("/api/auth")) {
			wait = wait.zipWith(this.buckets.take("auth", client, this.properties.auth()),
					(ip, auth) -> (ip.compareTo(auth) >= 0) ? ip : auth);
		}
		return wait
			.flatMap((delay) -> delay.isZero() ? chain.filter(exchange) : Mono.error(ApiException.rateLimited(delay)));
	}

	/**
	 * An IPv6 subscriber usually holds a whole /64 and could rotate through it; one
	 * bucket per /64.
	 */
	static String clientKey(ServerHttpRequest request) {
		InetSocketAddress remote = request.getRemoteAddress();
		InetAddress address = (remote != null) ? remote.getAddress() : null;
		if (address == null) {
			return "unknown";
		}
		if (address instanceof Inet6Address) {
			byte[] bytes = address.getAddress();
			StringBuilder prefix = new StringBuilder();
			for (int i = 0; i < 8; i += 2) {
				prefix.append(Integer.toHexString(((bytes[i] & 0xff) << 8) | (bytes[i + 1] & 0xff))).append(':');
			}
			return prefix.append(":/64").toString();
		}
		return address.getHostAddress();
	}

	@Override
	public int getOrder() {
		return FilterOrder.CLIENT_RATE_LIMIT;
	}

}
