package com.cotalk.gateway.web;

import java.net.InetSocketAddress;

import org.springframework.http.server.reactive.ServerHttpRequest;

/**
 * The client's address as the gateway's socket sees it. Client-sent
 * {@code X-Forwarded-For} is not believed unless {@code server.forward-headers-strategy}
 * is set because a trusted proxy in front rewrites it (docs/security.md).
 */
public final class ClientAddress {

	private ClientAddress() {
	}

	public static String of(ServerHttpRequest request) {
		InetSocketAddress remote = request.getRemoteAddress();
		if (remote == null || remote.getAddress() == null) {
			return "unknown";
		}
		return remote.getAddress().getHostAddress();
	}

}
