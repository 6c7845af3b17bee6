package com.cotalk.gateway.ratelimit;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationStartedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.io.ClassPathResource;
import org.springframework.data.redis.connection.ReactiveRedisConnection;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;
import org.springframework.stereotype.Component;

import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Takes tokens from buckets kept in Redis by one script (EVALSHA, one key per bucket). If
 * Redis fails or is slow the request goes through: availability before limits, since an
 * outage of the limiter must not become an outage of the whole API. The warning is logged
 * at most every 30 seconds so an outage does not flood the logs.
 * <p>
 * Spring Data opens its shared Lettuce connection with a blocking call on first use. Done
 * inside a request, that call would either block the event loop or, cut short by the
 * request's timeout, be interrupted and never complete. So the connection is opened in
 * the background at start-up (and retried at most once a second while Redis is down), and
 * requests pass unlimited until it is open; after that Lettuce reconnects by itself.
 */
@Component
class TokenBuckets {

	private static final Logger log = LoggerFactory.getLogger(TokenBuckets.class);

	private static final RedisScript<Long> TAKE = RedisScript.of(new ClassPathResource("ratelimit/token-bucket.lua"),
			Long.class);

	private static final long WARN_EVERY_MILLIS = 30_000;

	private static final long CONNECT_EVERY_MILLIS = 1_000;

	private final ReactiveStringRedisTemplate redis;

	private final RateLimitProperties properties;

	private final AtomicLong lastWarning = new AtomicLong(Long.MIN_VALUE / 2);

	private final AtomicLong lastConnectAttempt = new AtomicLong(Long.MIN_VALUE / 2);

	private final AtomicBoolean connecting = new AtomicBoolean();

	private volatile boolean connected;

	TokenBuckets(ReactiveStringRedisTemplate redis, RateLimitProperties properties) {
		this.redis = redis;
		this.properties = properties;
	}

	/**
	 * Completes with how long to wait before trying again; zero means the request may go
	 * ahead.
	 */
	Mono<Duration> take(String kind, String id, RateLimitProperties.Limit limit) {
		if (!this.connected) {
			connect();
			return Mono.just(Duration.ZERO);
		}
		// The {hash tag} keeps each bucket's keys in one Cluster slot should the script
		// ever use more than one.
		String key = this.properties.keyPrefix() + ":{" + kind + ":" + id + "}";
		List<String> args = List.of(Double.toString(limit.perSecond()), Integer.toString(limit.burst()));
		return this.redis.execute(TAKE, List.of(key), args)
			.next()
			.timeout(this.properties.redisTimeout())
			.map(Duration::ofMillis)
			.defaultIfEmpty(Duration.ZERO)
			.onErrorResume((ex) -> {
				warn(ex);
				return Mono.just(Duration.ZERO);
			});
	}

	@EventListener(ApplicationStartedEvent.class)
	void connect() {
		long now = System.currentTimeMillis();
		long last = this.lastConnectAttempt.get();
		if (this.connected || now - last < CONNECT_EVERY_MILLIS || !this.lastConnectAttempt.compareAndSet(last, now)
				|| !this.connecting.compareAndSet(false, true)) {
			return;
		}
		Mono.fromCallable(() -> this.redis.getConnectionFactory().getReactiveConnection())
			.flatMap((connection) -> connection.ping().doFinally((signal) -> close(connection)))
			.subscribeOn(Schedulers.boundedElastic())
			.doFinally((signal) -> this.connecting.set(false))
			.subscribe((pong) -> this.connected = true, this::warn);
	}

	boolean isConnected() {
		return this.connected;
	}

	private static void close(ReactiveRedisConnection connection) {
		// Closes this handle only; the shared native connection stays open for the
		// template.
		connection.closeLater().subscribe(null, (ex) -> {
		});
	}

	private void warn(Throwable ex) {
		long now = System.currentTimeMillis();
		long last = this.lastWarning.get();
		if (now - last >= WARN_EVERY_MILLIS && this.lastWarning.compareAndSet(last, now)) {
			log.warn("Rate limiting is off while Redis is unavailable; requests pass unlimited: {}", ex.toString());
		}
	}

}
