package com.cotalk.user.profile;

import java.util.UUID;

import org.jspecify.annotations.Nullable;

/** What anyone signed in may see of a user: never the email. */
record ProfileResponse(UUID userId, String displayName, String statusMessage, @Nullable String avatarUrl) {

	static ProfileResponse from(Profile profile) {
		return new ProfileResponse(profile.userId(), profile.displayName(), profile.statusMessage(),
				profile.avatarUrl());
	}

}
