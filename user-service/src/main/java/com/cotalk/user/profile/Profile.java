package com.cotalk.user.profile;

import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * A row of {@code users.profiles}. Never leaves the service as it is: responses pick the
 * fields their readers may see.
 */
record Profile(UUID userId, String email, String displayName, String statusMessage, @Nullable String avatarUrl,
		Instant createdAt, Instant updatedAt) {

	/**
	 * The profile after an owner's edit. A {@code null} argument leaves that field alone;
	 * an empty avatar URL removes the avatar. Returns an equal profile when nothing
	 * changes, so that callers can skip the write and the change signal.
	 */
	Profile edit(@Nullable String newDisplayName, @Nullable String newStatusMessage, @Nullable String newAvatarUrl) {
		String avatar = (newAvatarUrl == null) ? this.avatarUrl : (newAvatarUrl.isEmpty() ? null : newAvatarUrl);
		return new Profile(this.userId, this.email, (newDisplayName != null) ? newDisplayName : this.displayName,
				(newStatusMessage != null) ? newStatusMessage : this.statusMessage, avatar, this.createdAt,
				this.updatedAt);
	}

}
