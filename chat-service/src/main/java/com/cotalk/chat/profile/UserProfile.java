package com.cotalk.chat.profile;

import java.util.UUID;

import org.jspecify.annotations.Nullable;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** What user-service tells about a user. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record UserProfile(UUID userId, String displayName, @Nullable String statusMessage, @Nullable String avatarUrl) {

	public UserProfile {
		displayName = (displayName != null) ? displayName : "";
	}

}
