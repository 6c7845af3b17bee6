package com.cotalk.chat.profile;

import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import com.cotalk.chat.ChatProperties;

/**
 * Profiles of users: from a short-lived in-process cache, else from user-service in one
 * call per 500 missing ids. Only found users are cached, so a user who signs up is known
 * at once.
 */
@Component
public class ProfileDirectory {

	private static final Logger log = LoggerFactory.getLogger(ProfileDirectory.class);

	private final UserServiceClient userService;

	private final Cache<UUID, UserProfile> cache;

	ProfileDirectory(UserServiceClient userService, ChatProperties properties) {
		this.userService = userService;
		this.cache = Caffeine.newBuilder().maximumSize(100_000).expireAfterWrite(properties.profileCacheTtl()).build();
	}

	/**
	 * Display names for showing; users whose profile cannot be loaded right now are left
	 * out (clients fall back to the id).
	 */
	public Map<UUID, String> displayNames(Collection<UUID> userIds) {
		Map<UUID, String> names = new HashMap<>();
		try {
			load(userIds).forEach((id, profile) -> names.put(id, profile.displayName()));
		}
		catch (RuntimeException ex) {
			log.warn("user-service did not return profiles: {}", ex.toString());
			this.cache.getAllPresent(userIds).forEach((id, profile) -> names.put(id, profile.displayName()));
		}
		return names;
	}

	/**
	 * @throws UserNotFoundException when user-service does not know one of the users
	 * @throws UserServiceUnavailableException when that cannot be told right now
	 */
	public void requireAllExist(Collection<UUID> userIds) {
		Map<UUID, UserProfile> found;
		try {
			found = load(userIds);
		}
		catch (RuntimeException ex) {
			log.warn("user-service did not answer an existence check: {}", ex.toString());
			throw new UserServiceUnavailableException();
		}
		if (!found.keySet().containsAll(userIds)) {
			throw new UserNotFoundException();
		}
	}

	private Map<UUID, UserProfile> load(Collection<UUID> userIds) {
		List<UUID> ids = List.copyOf(new LinkedHashSet<>(userIds));
		Map<UUID, UserProfile> found = new HashMap<>(this.cache.getAllPresent(ids));
		List<UUID> missing = ids.stream().filter((id) -> !found.containsKey(id)).toList();
		for (int from = 0; from < missing.size(); from += UserServiceClient.MAX_BATCH) {
			List<UUID> batch = missing.subList(from, Math.min(from + UserServiceClient.MAX_BATCH, missing.size()));
			for (UserProfile profile : this.userService.fetch(batch)) {
				this.cache.put(profile.userId(), profile);
				found.put(profile.userId(), profile);
			}
		}
		return found;
	}

}
