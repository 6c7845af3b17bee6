package com.cotalk.gateway.security;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.client.ClientRequest;
import org.springframework.web.reactive.function.client.ClientResponse;
import org.springframework.web.reactive.function.client.ExchangeFilterFunction;
import org.springframework.web.reactive.function.client.ExchangeFunction;

import reactor.core.publisher.Mono;

/**
 * Spring's reactive JWKS source caches the key set and fetches it again for every token
 * whose {@code kid} it does not know, with no limit: anyone could make each request cost
 * a call to the auth-service by sending made-up key ids. This filter on the JWKS client
 * lets one real fetch through per interval and answers the others with the last key set,
 * so a new signing key is picked up within the interval and made-up ids cost nothing.
 * Until a first fetch has succeeded, every attempt goes through, so the gateway recovers
 * as soon as the auth-service is up.
 */
final class JwksFetchThrottle implements ExchangeFilterFunction {

	private final long minIntervalMillis;

	private final Clock clock;

	private final AtomicLong lastAttempt = new AtomicLong(Long.MIN_VALUE / 2);

	private volatile @Nullable String lastKeySet;

	JwksFetchThrottle(Duration minInterval, Clock clock) {
		this.minIntervalMillis = minInterval.toMillis();
		this.clock = clock;
	}

	@Override
	public Mono<ClientResponse> filter(ClientRequest request, ExchangeFunction next) {
		String cached = this.lastKeySet;
		long now = this.clock.millis();
		long previous = this.lastAttempt.get();
		boolean due = now - previous >= this.minIntervalMillis && this.lastAttempt.compareAndSet(previous, now);
		if (cached != null && !due) {
			return Mono.just(ok(cached));
		}
		return next.exchange(request).flatMap((response) -> {
			if (!response.statusCode().is2xxSuccessful()) {
				return Mono.just(response);
			}
			return response.bodyToMono(String.class).map((body) -> {
				this.lastKeySet = body;
				return ok(body);
			});
		});
	}

	private static ClientResponse ok(String body) {
		return ClientResponse.create(HttpStatus.OK)
			.header(HttpHeaders.CONTENT_TYPE, MediaType.APPLICATION_JSON_VALUE)
			.body(body)
			.build();
	}

}
