package com.cotalk.friend.profile;

import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Profiles of other users, from the Redis cache, and from user-service for what the cache
 * does not hold: one batched call per 500 missing ids, so a warm friend list makes no
 * HTTP call at all. When user-service is down, whatever the cache holds is still served.
 */
@Component
public class ProfileDirectory {

	private static final Logger log = LoggerFactory.getLogger(ProfileDirectory.class);

	private final ProfileCache cache;

	private final UserServiceClient userService;

	ProfileDirectory(ProfileCache cache, UserServiceClient userService) {
		this.cache = cache;
		this.userService = userService;
	}

	public ProfileLookup lookup(Collection<UUID> userIds) {
		List<UUID> ids = List.copyOf(new LinkedHashSet<>(userIds));
		Map<UUID, UserProfile> found = new HashMap<>(this.cache.getAll(ids));
		List<UUID> missing = ids.stream().filter((id) -> !found.containsKey(id)).toList();
		boolean complete = true;
		for (int from = 0; from < missing.size(); from += UserServiceClient.MAX_BATCH) {
			List<UUID> batch = missing.subList(from, Math.min(from + UserServiceClient.MAX_BATCH, missing.size()));
			try {
				List<UserProfile> loaded = this.userService.fetch(batch);
				this.cache.putAll(loaded);
				loaded.forEach((profile) -> found.put(profile.userId(), profile));
			}
			catch (RuntimeException ex) {
				log.warn("user-service did not return {} profiles: {}", batch.size(), ex.toString());
				complete = false;
			}
		}
		return new ProfileLookup(found, complete);
	}

	/**
	 * Profiles for a list a client is shown: entries whose profile cannot be loaded get a
	 * placeholder, and only a list of which nothing at all could be loaded is refused
	 * with 503.
	 */
	public ProfileLookup lookupForDisplay(Collection<UUID> userIds) {
		ProfileLookup lookup = lookup(userIds);
		if (!lookup.complete() && lookup.found().isEmpty() && !userIds.isEmpty()) {
			throw new UserServiceUnavailableException();
		}
		return lookup;
	}

	/**
	 * @throws UserNotFoundException when user-service does not know the user
	 * @throws UserServiceUnavailableException when that cannot be told right now
	 */
	public void requireExists(UUID userId) {
		ProfileLookup lookup = lookup(List.of(userId));
		if (lookup.isFound(userId)) {
			return;
		}
		throw lookup.complete() ? new UserNotFoundException() : new UserServiceUnavailableException();
	}

	/** Drops the cached profile, so that the next read loads the changed one. */
	void evict(UUID userId) {
		this.cache.evict(userId);
	}

}
