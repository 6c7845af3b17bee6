package com.cotalk.chat.member;

import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.stereotype.Service;

import com.cotalk.chat.ChatProperties;

/**
 * The membership check of the message path. Answers (members and non-members alike) are
 * cached in process for {@code membership-cache-ttl}; a join or leave evicts the entry
 * here at once and on other instances through {@link #CHANGED_CHANNEL} (a missed signal
 * only delays the change until the entry expires).
 */
@Service
public class MembershipService {

	/** Carries {@code roomId:userId} of a join or leave. */
	public static final String CHANGED_CHANNEL = "chat:membership-changed";

	private static final Logger log = LoggerFactory.getLogger(MembershipService.class);

	private final MembershipRepository repository;

	private final StringRedisTemplate redis;

	private final ApplicationEventPublisher events;

	private final Cache<Key, Optional<Membership>> cache;

	MembershipService(MembershipRepository repository, StringRedisTemplate redis, ApplicationEventPublisher events,
			ChatProperties properties) {
		this.repository = repository;
		this.redis = redis;
		this.events = events;
		this.cache = Caffeine.newBuilder()
			.maximumSize(200_000)
			.expireAfterWrite(properties.membershipCacheTtl())
			.build();
	}

	/**
	 * @throws RoomNotFoundException when the user is not a member (or no such room)
	 */
	public Membership require(UUID roomId, UUID userId) {
		return this.cache.get(new Key(roomId, userId), (key) -> this.repository.find(roomId, userId))
			.orElseThrow(RoomNotFoundException::new);
	}

	/** Uncached, for writes that must see the database's answer. */
	public Membership requireNow(UUID roomId, UUID userId) {
		return this.repository.find(roomId, userId).orElseThrow(RoomNotFoundException::new);
	}

	/** Uncached: the rooms the user is a member of now. */
	public List<UUID> roomIdsOf(UUID userId) {
		return this.repository.findRoomIdsOf(userId);
	}

	/** After a join or leave has been committed. */
	public void changed(UUID roomId, Collection<UUID> userIds) {
		for (UUID userId : userIds) {
			evictLocally(roomId, userId);
			try {
				this.redis.convertAndSend(CHANGED_CHANNEL, roomId + ":" + userId);
			}
			catch (RuntimeException ex) {
				log.warn("Could not signal a membership change of room {}: {}", roomId, ex.toString());
			}
		}
	}

	void onSignal(byte[] body) {
		String text = new String(body, StandardCharsets.UTF_8);
		int colon = text.indexOf(':');
		try {
			evictLocally(UUID.fromString(text.substring(0, colon)), UUID.fromString(text.substring(colon + 1)));
		}
		catch (RuntimeException ex) {
			log.warn("Ignoring a malformed membership-changed signal");
		}
	}

	private void evictLocally(UUID roomId, UUID userId) {
		this.cache.invalidate(new Key(roomId, userId));
		this.events.publishEvent(new MembershipChanged(roomId, userId));
	}

	record Key(UUID roomId, UUID userId) {
	}

}
