package com.cotalk.common.redis;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.context.annotation.Bean;
import org.springframework.data.redis.connection.lettuce.LettuceConnection;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;

/**
 * Pipelines are written to Redis in one flush when they are closed. Spring Data's default
 * flushes after every command: a pipeline of 1,000 reads (a friend list's profiles or
 * presence) then costs 1,000 socket writes and takes tens of milliseconds instead of one.
 */
@AutoConfiguration
@ConditionalOnClass(LettuceConnectionFactory.class)
public class RedisPipeliningAutoConfiguration {

	@Bean
	static BeanPostProcessor cotalkPipelineFlushOnClose() {
		return new BeanPostProcessor() {
			@Override
			public Object postProcessBeforeInitialization(Object bean, String beanName) {
				if (bean instanceof LettuceConnectionFactory factory) {
					factory.setPipeliningFlushPolicy(LettuceConnection.PipeliningFlushPolicy.flushOnClose());
				}
				return bean;
			}
		};
	}

}
