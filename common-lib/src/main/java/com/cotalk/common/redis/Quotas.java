package com.cotalk.common.redis;

import java.time.Duration;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;

import com.cotalk.common.error.ApiException;

/**
 * Caps on what one account may do in a window (friend requests a day, groups an hour,
 * ...), shared by every instance through Redis: a fixed window per key, counted and
 * checked in one script, so parallel requests cannot all slip past the cap. Over the cap:
 * 429 {@code RATE_LIMITED} with {@code Retry-After} until the window ends, and nothing is
 * counted. While Redis is unreachable the caps are off (logged): the limiter must not
 * stop the service.
 */
public final class Quotas {

	private static final Logger log = LoggerFactory.getLogger(Quotas.class);

	/**
	 * Adds ARGV[1] to KEYS[1] unless that would pass ARGV[2]; the window (ARGV[3] ms)
	 * starts with the first count. Returns 0, or the milliseconds until the window ends.
	 */
	private static final RedisScript<Long> TAKE = RedisScript.of("""
			local used = tonumber(redis.call('GET', KEYS[1]) or '0')
			if used + tonumber(ARGV[1]) > tonumber(ARGV[2]) then
			  return math.max(redis.call('PTTL', KEYS[1]), 1000)
			end
			if redis.call('INCRBY', KEYS[1], ARGV[1]) == tonumber(ARGV[1]) then
			  redis.call('PEXPIRE', KEYS[1], ARGV[3])
			end
			return 0""", Long.class);

	private final StringRedisTemplate redis;

	public Quotas(StringRedisTemplate redis) {
		this.redis = redis;
	}

	/**
	 * A cap of {@code limit} per {@code window}.
	 *
	 * @param name the cap and whose it is, e.g. {@code friend:requests:<userId>}
	 */
	public record Quota(String name, int limit, Duration window) {
	}

	/**
	 * Takes {@code amount} of the quota.
	 * @throws ApiException 429 {@code RATE_LIMITED} when that would pass the cap
	 */
	public void take(Quota quota, int amount) {
		Long wait;
		try {
			wait = this.redis.execute(TAKE, List.of("quota:" + quota.name()), Integer.toString(amount),
					Integer.toString(quota.limit()), Long.toString(quota.window().toMillis()));
		}
		catch (DataAccessException ex) {
			log.warn("Quota {} not checked, Redis is unavailable: {}", quota.name(), ex.toString());
			return;
		}
		if (wait != null && wait > 0) {
			throw ApiException.rateLimited(Duration.ofMillis(wait));
		}
	}

}
