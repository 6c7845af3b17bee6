package com.cotalk.message;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.redis.connection.RedisStandaloneConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceClientConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.StringRedisTemplate;

import com.cotalk.common.messages.MessageKeys;
import com.cotalk.testsupport.TestInfrastructure;

class RoomCountersTests extends MessageServiceTestSupport {

	@Autowired
	RoomCounters counters;

	@Autowired
	MessagePathProperties path;

	@Test
	void readsTheCounterChatServiceKeeps() {
		UUID room = UUID.randomUUID();
		assertThat(this.counters.handedOut(room)).isEmpty();
		this.redis.opsForValue().set(MessageKeys.sequence(partition(room), room), "42");
		assertThat(this.counters.handedOut(room)).hasValue(42);
	}

	@Test
	void cannotTellWhenRedisIsUnreachable() {
		LettuceConnectionFactory unreachable = new LettuceConnectionFactory(
				new RedisStandaloneConfiguration("127.0.0.1", TestInfrastructure.freePort()),
				LettuceClientConfiguration.builder().commandTimeout(Duration.ofSeconds(1)).build());
		unreachable.afterPropertiesSet();
		unreachable.start();
		try {
			RoomCounters counters = new RoomCounters(new StringRedisTemplate(unreachable), this.path);
			assertThat(counters.handedOut(UUID.randomUUID())).isEmpty();
		}
		finally {
			unreachable.destroy();
		}
	}

}
