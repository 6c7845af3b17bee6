package com.cotalk.user.profile;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Tells other services (friend-service caches profiles) that a profile changed, by its
 * user id on a Redis pub/sub channel. Sent only after the change is committed, so that a
 * reader never reloads the old row. Best effort: the edit has already succeeded, and
 * readers' caches expire on their own, so a Redis failure is logged rather than reported.
 */
@Component
class ProfileChangedPublisher {

	static final String CHANNEL = "cotalk:users:profile-changed";

	private static final Logger log = LoggerFactory.getLogger(ProfileChangedPublisher.class);

	private final StringRedisTemplate redis;

	ProfileChangedPublisher(StringRedisTemplate redis) {
		this.redis = redis;
	}

	@TransactionalEventListener
	void publish(ProfileChanged event) {
		try {
			this.redis.convertAndSend(CHANNEL, event.userId().toString());
		}
		catch (RuntimeException ex) {
			log.warn("Could not publish the profile change of user {}", event.userId(), ex);
		}
	}

}
