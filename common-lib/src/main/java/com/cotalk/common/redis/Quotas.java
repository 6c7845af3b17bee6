package com.cotalk.common.redis;

import java.time.Duration;
import java.util.ArrayList;
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
	 * For each KEYS[i]: ARGV[3i-2] the amount, ARGV[3i-1] the cap, ARGV[3i] the window
	 * (ms), which starts with the first count. Counts all or none: returns 0, or the
	 * longest wait (ms) until a quota that would be passed has its window end.
	 */
	private static final RedisScript<Long> TAKE = RedisScript.of("""
			local wait = 0
			for i, key in ipairs(KEYS) do
			  local used = tonumber(redis.call('GET', key) or '0')
			  if used + tonumber(ARGV[3 * i - 2]) > tonumber(ARGV[3 * i - 1]) then
			    wait = math.max(wait, redis.call('PTTL', key), 1000)
			  end
			end
			if wait > 0 then return wait end
			for i, key in ipairs(KEYS) do
			  if redis.call('INCRBY', key, ARGV[3 * i - 2]) == tonumber(ARGV[3 * i - 2]) then
			    redis.call('PEXPIRE', key, ARGV[3 * i])
			  end
			end
			return 0""", Long.class);

	private final StringRedisTemplate redis;

	public Quotas(StringRedisTemplate redis) {
		this.redis = redis;
	}

	/**
	 * A cap of {@code limit} per {@code window} on what {@code owner} does.
	 *
	 * @param owner whose it is (the account); all quotas of one owner share a Redis
	 * Cluster slot, so several can be taken in one script
	 * @param name the cap, e.g. {@code friend:requests}
	 */
	public record Quota(String owner, String name, int limit, Duration window) {

		String key() {
			return "quota:{" + this.owner + "}:" + this.name;
		}

	}

	/** {@code amount} of the quota. */
	public record Take(Quota quota, int amount) {
	}

	/**
	 * Takes from every quota at once, or from none: a request refused by one cap counts
	 * against no other.
	 * @throws ApiException 429 {@code RATE_LIMITED} when any would pass its cap
	 * @throws IllegalArgumentException for quotas of different owners
	 */
	public void take(Take... takes) {
		List<String> keys = new ArrayList<>();
		List<String> args = new ArrayList<>();
		for (Take take : takes) {
			if (!take.quota().owner().equals(takes[0].quota().owner())) {
				throw new IllegalArgumentException("Quotas of one owner only: " + List.of(takes));
			}
			keys.add(take.quota().key());
			args.add(Integer.toString(take.amount()));
			args.add(Integer.toString(take.quota().limit()));
			args.add(Long.toString(take.quota().window().toMillis()));
		}
		Long wait;
		try {
			wait = this.redis.execute(TAKE, keys, args.toArray());
		}
		catch (DataAccessException ex) {
			log.warn("Quotas {} not checked, Redis is unavailable: {}", keys, ex.toString());
			return;
		}
		if (wait != null && wait > 0) {
			throw ApiException.rateLimited(Duration.ofMillis(wait));
		}
	}

}
