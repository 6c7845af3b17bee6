package com.cotalk.chat.delivery;

import java.time.Duration;
import java.util.UUID;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.springframework.stereotype.Component;

import com.cotalk.common.error.ApiException;

/**
 * A token bucket per user for messages sent over STOMP, kept per instance (the gateway
 * rate-limits REST calls but cannot see frames inside a WebSocket). A user's sessions
 * usually land on different instances only with several devices, so the cluster-wide
 * limit is at most this times the number of instances the user is connected to.
 */
@Component
class SendRateLimiter {

	private final Cache<UUID, Bucket> buckets = Caffeine.newBuilder()
		.maximumSize(1_000_000)
		.expireAfterAccess(Duration.ofMinutes(5))
		.build();

	private final double perNano;

	private final int burst;

	SendRateLimiter(DeliveryProperties limits) {
		this.perNano = limits.sendRate() / 1e9;
		this.burst = limits.sendBurst();
	}

	/**
	 * @throws ApiException {@code RATE_LIMITED} when the user has no token left
	 */
	void acquire(UUID userId) {
		Bucket bucket = this.buckets.get(userId, (id) -> new Bucket(this.burst, System.nanoTime()));
		if (!bucket.take(System.nanoTime(), this.perNano, this.burst)) {
			throw ApiException.rateLimited(Duration.ofSeconds(1));
		}
	}

	private static final class Bucket {

		private double tokens;

		private long updatedAt;

		Bucket(double tokens, long now) {
			this.tokens = tokens;
			this.updatedAt = now;
		}

		synchronized boolean take(long now, double perNano, int burst) {
			this.tokens = Math.min(burst, this.tokens + (now - this.updatedAt) * perNano);
			this.updatedAt = now;
			if (this.tokens < 1) {
				return false;
			}
			this.tokens -= 1;
			return true;
		}

	}

}
