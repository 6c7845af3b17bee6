package com.cotalk.friend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.redis.core.StringRedisTemplate;

import com.cotalk.common.error.ApiException;
import com.cotalk.common.redis.Quotas;

/**
 * common-lib's quotas against real Redis: several are taken together or not at all, so a
 * request refused by one cap counts against no other.
 */
class QuotasTests extends FriendApiTestSupport {

	@Autowired
	StringRedisTemplate redis;

	@Test
	void aRefusalByOneQuotaTakesNothingFromTheOthers() {
		Quotas quotas = new Quotas(this.redis);
		String owner = UUID.randomUUID().toString();
		Quotas.Quota tight = new Quotas.Quota(owner, "test:tight", 1, Duration.ofMinutes(1));
		Quotas.Quota loose = new Quotas.Quota(owner, "test:loose", 3, Duration.ofMinutes(1));

		quotas.take(new Quotas.Take(tight, 1), new Quotas.Take(loose, 1));
		for (int i = 0; i < 5; i++) {
			assertThatThrownBy(() -> quotas.take(new Quotas.Take(loose, 1), new Quotas.Take(tight, 1)))
				.isInstanceOfSatisfying(ApiException.class,
						(ex) -> assertThat(ex.retryAfter()).isBetween(Duration.ofSeconds(1), Duration.ofMinutes(1)));
		}
		quotas.take(new Quotas.Take(loose, 2));
		assertThatThrownBy(() -> quotas.take(new Quotas.Take(loose, 1))).isInstanceOf(ApiException.class);
	}

	@Test
	void quotasOfDifferentOwnersCannotBeTakenTogether() {
		Quotas quotas = new Quotas(this.redis);
		assertThatThrownBy(
				() -> quotas.take(new Quotas.Take(new Quotas.Quota("a", "test:x", 1, Duration.ofMinutes(1)), 1),
						new Quotas.Take(new Quotas.Quota("b", "test:x", 1, Duration.ofMinutes(1)), 1)))
			.isInstanceOf(IllegalArgumentException.class);
	}

}
