package com.cotalk.user.profile;

import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * The whole profile, for its owner ({@code /api/users/me}) and for the auth-service that
 * created it.
 */
record PrivateProfileResponse(UUID userId, String email, String displayName, String statusMessage,
		@Nullable String avatarUrl, Instant createdAt) {

	static PrivateProfileResponse from(Profile profile) {
		return new PrivateProfileResponse(profile.userId(), profile.email(), profile.displayName(),
				profile.statusMessage(), profile.avatarUrl(), profile.createdAt());
	}

}
