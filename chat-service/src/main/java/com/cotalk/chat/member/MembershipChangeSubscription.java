package com.cotalk.chat.member;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.connection.RedisConnectionFactory;
import org.springframework.data.redis.listener.ChannelTopic;
import org.springframework.data.redis.listener.RedisMessageListenerContainer;

/** Evicts memberships that changed on other instances. */
@Configuration(proxyBeanMethods = false)
class MembershipChangeSubscription {

	@Bean
	RedisMessageListenerContainer membershipChangeListenerContainer(RedisConnectionFactory connectionFactory,
			MembershipService memberships) {
		RedisMessageListenerContainer container = new RedisMessageListenerContainer();
		container.setConnectionFactory(connectionFactory);
		container.addMessageListener((message, pattern) -> memberships.onSignal(message.getBody()),
				new ChannelTopic(MembershipService.CHANGED_CHANNEL));
		return container;
	}

}
