package com.cotalk.gateway.ratelimit;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Token-bucket limits; the values live in application.yml (docs/security.md explains
 * them).
 *
 * @param enabled off only for local experiments
 * @param keyPrefix prefix of the Redis keys, so that several deployments (or test runs)
 * can share one Redis
 * @param redisTimeout how long a request waits for Redis before it is let through
 * unlimited
 * @param ip every request, per client address (IPv6 per /64, what one subscriber usually
 * gets)
 * @param user every authenticated request, per user
 * @param auth {@code /api/auth/**} per client address, on top of {@code ip}: password
 * guessing and sign-up floods
 */
@ConfigurationProperties("cotalk.gateway.rate-limit")
record RateLimitProperties(@DefaultValue("true") boolean enabled, @DefaultValue("cotalk:rl") String keyPrefix,
		@DefaultValue("500ms") Duration redisTimeout, Limit ip, Limit user, Limit auth) {

	RateLimitProperties {
		if (ip == null || user == null || auth == null) {
			throw new IllegalStateException("cotalk.gateway.rate-limit.ip, .user and .auth must all be set");
		}
	}

	/**
	 * @param perSecond tokens added per second: the sustained rate
	 * @param burst bucket capacity: how many requests may come at once after a quiet
	 * spell
	 */
	record Limit(double perSecond, int burst) {

		Limit {
			if (perSecond <= 0 || burst < 1) {
				throw new IllegalStateException("A rate limit needs per-second > 0 and burst >= 1");
			}
		}

	}

}
