package com.cotalk.gateway.ratelimit;

import org.springframework.boot.data.redis.autoconfigure.LettuceClientOptionsBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.lettuce.core.ClientOptions;

@Configuration(proxyBeanMethods = false)
class RedisClientConfig {

	/**
	 * By default Lettuce queues commands, without bound, while it reconnects; under load
	 * during a Redis outage that is memory growth and requests that each wait for the
	 * timeout. Rejecting at once lets them pass unlimited at once.
	 */
	@Bean
	LettuceClientOptionsBuilderCustomizer rejectCommandsWhileDisconnected() {
		return (options) -> options.disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS);
	}

}
