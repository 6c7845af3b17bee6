package com.cotalk.gateway.web;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.springframework.core.Ordered;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

import com.cotalk.gateway.FilterOrder;

import reactor.core.publisher.Mono;

/**
 * The client's address behind a load balancer or Ingress. {@code X-Forwarded-For} is
 * believed only from the peers in {@code cotalk.gateway.trusted-proxies} (CIDRs), and
 * then read from the right: the first address that is not a trusted proxy is the client.
 * A client that sends its own {@code X-Forwarded-For} only adds entries to the left,
 * which are never reached, so per-address limits cannot be dodged by a made-up header
 * (Spring's {@code native} strategy takes the leftmost entry).
 */
@Component
final class TrustedProxyWebFilter implements WebFilter, Ordered {

	private final List<Cidr> trusted;

	TrustedProxyWebFilter(GatewayProperties properties) {
		this.trusted = properties.trustedProxies()
			.stream()
			.map(String::strip)
			.filter((cidr) -> !cidr.isEmpty())
			.map(Cidr::parse)
			.toList();
	}

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		InetSocketAddress peer = exchange.getRequest().getRemoteAddress();
		if (this.trusted.isEmpty() || peer == null || peer.getAddress() == null || !isTrusted(peer.getAddress())) {
			return chain.filter(exchange);
		}
		InetAddress client = client(exchange.getRequest().getHeaders().get("X-Forwarded-For"));
		if (client == null) {
			return chain.filter(exchange);
		}
		InetSocketAddress address = new InetSocketAddress(client, peer.getPort());
		return chain.filter(exchange.mutate().request((request) -> request.remoteAddress(address)).build());
	}

	private @Nullable InetAddress client(@Nullable List<String> headers) {
		if (headers == null) {
			return null;
		}
		List<String> hops = headers.stream().flatMap((value) -> java.util.Arrays.stream(value.split(","))).toList();
		for (int i = hops.size() - 1; i >= 0; i--) {
			InetAddress hop = literal(hops.get(i).strip());
			if (hop == null) {
				return null;
			}
			if (!isTrusted(hop)) {
				return hop;
			}
		}
		return null;
	}

	private boolean isTrusted(InetAddress address) {
		return this.trusted.stream().anyMatch((cidr) -> cidr.contains(address));
	}

	private static @Nullable InetAddress literal(String value) {
		String bare = (value.startsWith("[") && value.contains("]")) ? value.substring(1, value.indexOf(']')) : value;
		try {
			return InetAddress.ofLiteral(bare);
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
	}

	@Override
	public int getOrder() {
		return FilterOrder.TRUSTED_PROXY;
	}

	record Cidr(byte[] network, int prefix) {

		static Cidr parse(String cidr) {
			int slash = cidr.indexOf('/');
			InetAddress address = InetAddress.ofLiteral((slash < 0) ? cidr : cidr.substring(0, slash));
			int bits = address.getAddress().length * 8;
			int prefix = (slash < 0) ? bits : Integer.parseInt(cidr.substring(slash + 1));
			if (prefix < 0 || prefix > bits) {
				throw new IllegalStateException("cotalk.gateway.trusted-proxies: bad prefix in " + cidr);
			}
			return new Cidr(address.getAddress(), prefix);
		}

		boolean contains(InetAddress address) {
			byte[] bytes = address.getAddress();
			if (bytes.length != this.network.length) {
				return false;
			}
			for (int bit = 0; bit < this.prefix; bit++) {
				int mask = 0x80 >> (bit % 8);
				if ((bytes[bit / 8] & mask) != (this.network[bit / 8] & mask)) {
					return false;
				}
			}
			return true;
		}

	}

}
