package com.cotalk.auth.session;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.redis.RedisConnectionFailureException;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;
import org.springframework.stereotype.Component;

import com.cotalk.auth.AuthProperties;
import com.cotalk.common.error.ApiException;

/**
 * Slows password guessing: a fixed window of login attempts per client IP, and of failed
 * attempts per account. Counters live in Redis so that every auth-service instance shares
 * them. If Redis is unreachable logins go on (logged): an outage of the limiter must not
 * lock every user out.
 */
@Component
class LoginThrottle {

	private static final Logger log = LoggerFactory.getLogger(LoginThrottle.class);

	/**
	 * INCR with an expiry set on the first hit; returns the count and the remaining
	 * window in milliseconds.
	 */
	private static final RedisScript<List> HIT = RedisScript.of("""
			local n = redis.call('INCR', KEYS[1])
			if n == 1 then redis.call('PEXPIRE', KEYS[1], ARGV[1]) end
			return {n, redis.call('PTTL', KEYS[1])}""", List.class);

	private final StringRedisTemplate redis;

	private final AuthProperties.LoginThrottle settings;

	LoginThrottle(StringRedisTemplate redis, AuthProperties properties) {
		this.redis = redis;
		this.settings = properties.loginThrottle();
	}

	/**
	 * Counts an attempt from this IP, and refuses it when the IP or the account is over
	 * its limit.
	 */
	void checkAttempt(String clientIp, String email) {
		try {
			List<?> ip = this.redis.execute(HIT, List.of(key("ip", clientIp)),
					Long.toString(this.settings.perIpWindow().toMillis()));
			if (count(ip) > this.settings.perIpAttempts()) {
				throw ApiException.rateLimited(Duration.ofMillis(ttl(ip)));
			}
			String failures = this.redis.opsForValue().get(key("account", email));
			if (failures != null && Long.parseLong(failures) >= this.settings.perAccountFailures()) {
				Long ttl = this.redis.getExpire(key("account", email));
				throw ApiException.rateLimited(Duration.ofSeconds((ttl != null && ttl > 0) ? ttl : 1));
			}
		}
		catch (RedisConnectionFailureException ex) {
			log.warn("Login throttle unavailable, letting the attempt through: {}", ex.getMessage());
		}
	}

	void recordFailure(String email) {
		try {
			this.redis.execute(HIT, List.of(key("account", email)),
					Long.toString(this.settings.perAccountWindow().toMillis()));
		}
		catch (RedisConnectionFailureException ex) {
			log.warn("Login throttle unavailable, failure not counted: {}", ex.getMessage());
		}
	}

	void recordSuccess(String email) {
		try {
			this.redis.delete(key("account", email));
		}
		catch (RedisConnectionFailureException ex) {
			log.warn("Login throttle unavailable: {}", ex.getMessage());
		}
	}

	private static long count(List<?> result) {
		return ((Number) result.get(0)).longValue();
	}

	private static long ttl(List<?> result) {
		return Math.max(1000, ((Number) result.get(1)).longValue());
	}

	/** Identifiers are hashed so that Redis holds no email addresses. */
	private static String key(String kind, String identifier) {
		try {
			byte[] digest = MessageDigest.getInstance("SHA-256")
				.digest(identifier.trim().toLowerCase(java.util.Locale.ROOT).getBytes(StandardCharsets.UTF_8));
			return "auth:login:" + kind + ":" + HexFormat.of().formatHex(digest, 0, 16);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
