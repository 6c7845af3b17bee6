package com.cotalk.gateway.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.time.Duration;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.redis.connection.RedisStandaloneConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceClientConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;

import com.cotalk.testsupport.TestInfrastructure;

/** The bucket script against a real Redis, and what happens when there is none. */
class TokenBucketsTests {

	private static final RateLimitProperties.Limit LIMIT = new RateLimitProperties.Limit(2, 3);

	private LettuceConnectionFactory factory;

	@AfterEach
	void close() {
		if (this.factory != null) {
			this.factory.destroy();
		}
	}

	@Test
	void givesTheBurstThenAsksToWaitForTheNextToken() {
		URI redis = URI.create(TestInfrastructure.redisUrl());
		TokenBuckets buckets = buckets(redis.getHost(), redis.getPort());
		buckets.connect();
		await().atMost(Duration.ofSeconds(10)).until(buckets::isConnected);
		String id = UUID.randomUUID().toString();
		for (int i = 0; i < 3; i++) {
			assertThat(buckets.take("test", id, LIMIT).block()).isZero();
		}
		Duration wait = buckets.take("test", id, LIMIT).block();
		assertThat(wait).isPositive().isLessThanOrEqualTo(Duration.ofMillis(500));
		assertThat(buckets.take("test", UUID.randomUUID().toString(), LIMIT).block()).isZero();
	}

	@Test
	void letsRequestsThroughQuicklyWhenRedisIsUnreachable() {
		TokenBuckets buckets = buckets("127.0.0.1", TestInfrastructure.freePort());
		buckets.connect();
		long start = System.nanoTime();
		for (int i = 0; i < 50; i++) {
			assertThat(buckets.take("test", "anyone", LIMIT).block()).isZero();
		}
		assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMillis(500));
		assertThat(buckets.isConnected()).isFalse();
	}

	private TokenBuckets buckets(String host, int port) {
		LettuceClientConfiguration client = LettuceClientConfiguration.builder()
			.commandTimeout(Duration.ofSeconds(1))
			.build();
		this.factory = new LettuceConnectionFactory(new RedisStandaloneConfiguration(host, port), client);
		this.factory.afterPropertiesSet();
		this.factory.start();
		RateLimitProperties properties = new RateLimitProperties(true, "gateway-unit:" + UUID.randomUUID(),
				Duration.ofMillis(500), LIMIT, LIMIT, LIMIT);
		return new TokenBuckets(new ReactiveStringRedisTemplate(this.factory), properties);
	}

}
