package com.cotalk.gateway.routing;

import io.netty.channel.EventLoop;
import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.GlobalFilter;
import org.springframework.cloud.gateway.filter.WebsocketRoutingFilter;
import org.springframework.core.Ordered;
import org.springframework.http.server.reactive.ServerHttpRequestDecorator;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;

import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import reactor.netty.Connection;

/**
 * Runs the WebSocket upgrade on the client connection's own event loop. The filters
 * before it (rate limits in Redis, the load balancer's instance list) finish on other
 * threads; an upgrade started there lets the client's first frames (STOMP's
 * {@code CONNECT}, sent right after the handshake) reach the connection before its
 * WebSocket decoder is in place, and they were lost or taken for a protocol error: about
 * one connection in fifty under load hung without {@code CONNECTED} (reactor-netty#1089
 * is the same race for handlers that upgrade off the event loop).
 */
@Component
class WebSocketUpgradeOnEventLoop implements GlobalFilter, Ordered {

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
		if (!"websocket".equalsIgnoreCase(exchange.getRequest().getHeaders().getUpgrade())) {
			return chain.filter(exchange);
		}
		Object nativeRequest = ServerHttpRequestDecorator.getNativeRequest(exchange.getRequest());
		if (!(nativeRequest instanceof Connection connection)) {
			return chain.filter(exchange);
		}
		EventLoop eventLoop = connection.channel().eventLoop();
		if (eventLoop.inEventLoop()) {
			return chain.filter(exchange);
		}
		return Mono.defer(() -> chain.filter(exchange)).subscribeOn(Schedulers.fromExecutor(eventLoop));
	}

	/** Right before {@link WebsocketRoutingFilter}, after the load balancer. */
	@Override
	public int getOrder() {
		return Ordered.LOWEST_PRECEDENCE - 2;
	}

}
