package com.cotalk.friend.profile;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.connection.Message;
import org.springframework.data.redis.connection.MessageListener;
import org.springframework.data.redis.connection.RedisConnectionFactory;
import org.springframework.data.redis.listener.ChannelTopic;
import org.springframework.data.redis.listener.RedisMessageListenerContainer;

import com.cotalk.common.events.EventStreams;

/**
 * Listens for user-service's profile-changed signal (the user id on
 * {@link EventStreams#PROFILE_CHANGED_CHANNEL}) and evicts that profile, so that a change
 * shows in friends' lists within a second instead of after the cache TTL. A signal missed
 * while Redis was unreachable only delays the change until the entry expires.
 */
@Configuration(proxyBeanMethods = false)
class ProfileChangeSubscription {

	private static final Logger log = LoggerFactory.getLogger(ProfileChangeSubscription.class);

	@Bean
	RedisMessageListenerContainer profileChangeListenerContainer(RedisConnectionFactory connectionFactory,
			ProfileDirectory profiles) {
		RedisMessageListenerContainer container = new RedisMessageListenerContainer();
		container.setConnectionFactory(connectionFactory);
		container.addMessageListener(new Evictor(profiles), new ChannelTopic(EventStreams.PROFILE_CHANGED_CHANNEL));
		return container;
	}

	record Evictor(ProfileDirectory profiles) implements MessageListener {

		@Override
		public void onMessage(Message message, byte[] pattern) {
			String body = new String(message.getBody(), StandardCharsets.UTF_8).trim();
			try {
				this.profiles.evict(UUID.fromString(body));
			}
			catch (IllegalArgumentException ex) {
				log.warn("Ignoring a profile-changed signal that is not a user id");
			}
			catch (RuntimeException ex) {
				log.warn("Could not evict the profile of user {}: {}", body, ex.toString());
			}
		}

	}

}
