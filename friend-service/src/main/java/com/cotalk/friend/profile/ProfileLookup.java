package com.cotalk.friend.profile;

import java.util.Map;
import java.util.UUID;

/**
 * The profiles found for a set of users.
 *
 * @param found the profiles that could be loaded, by user id
 * @param complete false when user-service could not be asked about some of the ids, so
 * that a missing entry means "unknown right now" rather than "no such user"
 */
public record ProfileLookup(Map<UUID, UserProfile> found, boolean complete) {

	/** The user's profile, or an empty-named placeholder when it could not be loaded. */
	public UserProfile profileOf(UUID userId) {
		UserProfile profile = this.found.get(userId);
		return (profile != null) ? profile : UserProfile.placeholder(userId);
	}

	public boolean isFound(UUID userId) {
		return this.found.containsKey(userId);
	}

}
