package com.cotalk.friend.profile;

import java.util.UUID;

import org.jspecify.annotations.Nullable;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * What user-service tells about a user, as friend lists show it and as it is cached.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record UserProfile(UUID userId, String displayName, String statusMessage, @Nullable String avatarUrl) {

	/** Missing text fields read as empty, so that sorting and clients never meet null. */
	public UserProfile {
		displayName = (displayName != null) ? displayName : "";
		statusMessage = (statusMessage != null) ? statusMessage : "";
	}

	/**
	 * Stands in for a profile that could not be loaded: an empty name, so that clients
	 * show the entry (and can fall back to the id) instead of losing it.
	 */
	static UserProfile placeholder(UUID userId) {
		return new UserProfile(userId, "", "", null);
	}

}
