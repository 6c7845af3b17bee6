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
 * Slows password guessing: a fixed window of login attempts per client address, and of
 * failed attempts per account from one address (so a guesser elsewhere cannot lock the
 * owner out) and from all addresses together (a higher bound, against guessing spread
 * over many addresses). An attempt is counted as failed before the password is checked
 * and uncounted if it succeeds, in one Redis script: parallel guesses cannot all slip
 * past the bound while bcrypt runs. Counters live in Redis so that every auth-service
 * instance shares them. If Redis is unreachable logins go on (logged): an outage of the
 * limiter must not lock every user out.
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

	/**
	 * Counts a failure in advance on the account's per-address (KEYS[1]) and all-address
	 * (KEYS[2]) counters, unless either is at its bound (ARGV[2], ARGV[3]); returns 0, or
	 * the milliseconds until the full counter's window ends.
	 */
	private static final RedisScript<Long> RESERVE = RedisScript.of("""
			local here = tonumber(redis.call('GET', KEYS[1]) or '0')
			local anywhere = tonumber(redis.call('GET', KEYS[2]) or '0')
			if here >= tonumber(ARGV[2]) then return math.max(redis.call('PTTL', KEYS[1]), 1000) end
			if anywhere >= tonumber(ARGV[3]) then return math.max(redis.call('PTTL', KEYS[2]), 1000) end
			for _, key in ipairs(KEYS) do
			  if redis.call('INCR', key) == 1 then redis.call('PEXPIRE', key, ARGV[1]) end
			end
			return 0""", Long.class);

	/** Takes back the failure counted in advance of an attempt that succeeded. */
	private static final RedisScript<Long> RELEASE = RedisScript.of("""
			redis.call('DEL', KEYS[1])
			if tonumber(redis.call('GET', KEYS[2]) or '0') > 0 then redis.call('DECR', KEYS[2]) end
			return 0""", Long.class);

	private final StringRedisTemplate redis;

	private final AuthProperties.LoginThrottle settings;

	LoginThrottle(StringRedisTemplate redis, AuthProperties properties) {
		this.redis = redis;
		this.settings = properties.loginThrottle();
	}

	/**
	 * Counts an attempt from this address, refuses it when the address or the account is
	 * over its bound, and otherwise counts it as a failure until {@link #succeeded}.
	 */
	void reserveAttempt(String clientIp, String email) {
		try {
			List<?> ip = this.redis.execute(HIT, List.of(key("ip", clientIp)),
					Long.toString(this.settings.perIpWindow().toMillis()));
			if (count(ip) > this.settings.perIpAttempts()) {
				throw ApiException.rateLimited(Duration.ofMillis(ttl(ip)));
			}
			Long wait = this.redis.execute(RESERVE, accountKeys(clientIp, email),
					Long.toString(this.settings.perAccountWindow().toMillis()),
					Integer.toString(this.settings.perAccountFailures()),
					Integer.toString(this.settings.perAccountAnyAddressFailures()));
			if (wait != null && wait > 0) {
				throw ApiException.rateLimited(Duration.ofMillis(wait));
			}
		}
		catch (RedisConnectionFailureException ex) {
			log.warn("Login throttle unavailable, letting the attempt through: {}", ex.getMessage());
		}
	}

	/**
	 * The password was right: the attempt was no failure, and earlier ones are forgiven.
	 */
	void succeeded(String clientIp, String email) {
		try {
			this.redis.execute(RELEASE, accountKeys(clientIp, email));
		}
		catch (RedisConnectionFailureException ex) {
			log.warn("Login throttle unavailable: {}", ex.getMessage());
		}
	}

	private static List<String> accountKeys(String clientIp, String email) {
		String account = email.trim().toLowerCase(java.util.Locale.ROOT);
		return List.of(key("account-ip", account + "|" + clientIp), key("account", account));
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
