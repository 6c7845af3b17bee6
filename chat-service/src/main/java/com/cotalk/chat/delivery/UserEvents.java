package com.cotalk.chat.delivery;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.stereotype.Component;

import com.cotalk.common.presence.UserChannels;

/**
 * Events for particular users (not a room's members), wherever they are connected, as
 * {@link UserChannels} describes: sent to the instances holding the users' live sessions,
 * and received on this instance's own channel for the users connected here.
 */
@Component
class UserEvents {

	private static final Logger log = LoggerFactory.getLogger(UserEvents.class);

	private final RoomChannels channels;

	private final StringRedisTemplate redis;

	private final SessionRegistry registry;

	private volatile boolean listening;

	UserEvents(RoomChannels channels, StringRedisTemplate redis, SessionRegistry registry) {
		this.channels = channels;
		this.redis = redis;
		this.registry = registry;
	}

	@EventListener(ApplicationReadyEvent.class)
	void listen() {
		try {
			this.channels.onInstanceEvent(this::receive).get(5, TimeUnit.SECONDS);
			this.listening = true;
		}
		catch (Exception ex) {
			if (ex instanceof InterruptedException) {
				Thread.currentThread().interrupt();
			}
			log.warn("This instance's channel is not subscribed yet, retrying: {}", ex.toString());
		}
	}

	/** Subscribes the instance channel if that failed at start (Redis was down). */
	void ensureListening() {
		if (!this.listening) {
			listen();
		}
	}

	/**
	 * @param droppable whether a session that falls behind may miss it (presence)
	 */
	void send(Collection<UUID> userIds, byte[] event, boolean droppable) {
		Map<String, List<UUID>> byInstance = UserChannels.instancesOf(this.redis, userIds);
		Map<String, byte[]> payloads = new HashMap<>();
		byInstance.forEach((instance, users) -> payloads.put(instance, UserChannels.encode(users, event, droppable)));
		this.channels.publishToInstances(payloads);
	}

	private void receive(byte[] payload) {
		UserChannels.Delivery delivery = UserChannels.decode(payload);
		if (delivery == null) {
			log.warn("Ignoring a malformed user event of {} bytes", payload.length);
			return;
		}
		for (UUID userId : delivery.users()) {
			for (LiveSession session : this.registry.sessionsOf(userId)) {
				session.sendEvent(delivery.event(), delivery.droppable());
			}
		}
	}

}
