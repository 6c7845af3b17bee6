package com.cotalk.chat.delivery;

import java.net.InetSocketAddress;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.ServerHttpRequest;
import org.springframework.http.server.ServerHttpResponse;
import org.springframework.stereotype.Component;
import org.springframework.web.socket.WebSocketHandler;
import org.springframework.web.socket.server.HandshakeInterceptor;

import com.cotalk.common.Headers;

/**
 * Caps the sockets one client address holds open without a {@code CONNECT} (each is a
 * socket and buffers spent on a stranger): while an address holds
 * {@code unauthenticated-sockets-per-address} of them, its handshakes get 429 with
 * {@code Retry-After}. A socket counts from the moment it is open until its session
 * authenticates or closes (a handshake that fails never counts); one that opens past the
 * cap in a burst of parallel handshakes is closed at once, and one that never sends
 * {@code CONNECT} is closed after {@code time-to-first-message}. The address is the
 * gateway's {@code X-Client-Ip} (the gateway replaces whatever a client sent), else the
 * peer's.
 */
@Component
class UnauthenticatedSockets implements HandshakeInterceptor {

	static final String ADDRESS_ATTRIBUTE = "cotalk.clientAddress";

	private static final String COUNTED_ATTRIBUTE = "cotalk.countedUnauthenticated";

	private final Map<String, AtomicInteger> pending = new ConcurrentHashMap<>();

	private final int limit;

	UnauthenticatedSockets(DeliveryProperties properties) {
		this.limit = properties.unauthenticatedSocketsPerAddress();
	}

	@Override
	public boolean beforeHandshake(ServerHttpRequest request, ServerHttpResponse response, WebSocketHandler handler,
			Map<String, Object> attributes) {
		String address = address(request);
		AtomicInteger count = this.pending.get(address);
		if (count != null && count.get() >= this.limit) {
			response.setStatusCode(HttpStatus.TOO_MANY_REQUESTS);
			response.getHeaders().set(HttpHeaders.RETRY_AFTER, "1");
			return false;
		}
		attributes.put(ADDRESS_ATTRIBUTE, address);
		return true;
	}

	@Override
	public void afterHandshake(ServerHttpRequest request, ServerHttpResponse response, WebSocketHandler handler,
			@Nullable Exception exception) {
	}

	/**
	 * The socket is open: it counts against its address, unless that passes the cap (the
	 * caller closes it then).
	 */
	boolean admit(Map<String, Object> attributes) {
		if (!(attributes.get(ADDRESS_ATTRIBUTE) instanceof String address)) {
			return true;
		}
		AtomicInteger count = this.pending.computeIfAbsent(address, (key) -> new AtomicInteger());
		if (count.incrementAndGet() > this.limit) {
			release(address);
			return false;
		}
		attributes.put(COUNTED_ATTRIBUTE, Boolean.TRUE);
		return true;
	}

	/** The socket authenticated or closed: it no longer counts (once). */
	void settled(Map<String, Object> attributes) {
		if (attributes.remove(COUNTED_ATTRIBUTE) != null
				&& attributes.get(ADDRESS_ATTRIBUTE) instanceof String address) {
			release(address);
		}
	}

	private void release(String address) {
		this.pending.computeIfPresent(address, (key, count) -> (count.decrementAndGet() <= 0) ? null : count);
	}

	private static String address(ServerHttpRequest request) {
		String forwarded = request.getHeaders().getFirst(Headers.CLIENT_IP);
		if (forwarded != null && !forwarded.isBlank()) {
			return forwarded.strip();
		}
		InetSocketAddress remote = request.getRemoteAddress();
		return (remote != null && remote.getAddress() != null) ? remote.getAddress().getHostAddress() : "unknown";
	}

}
