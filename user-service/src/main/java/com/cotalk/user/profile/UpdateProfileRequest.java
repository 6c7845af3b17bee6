package com.cotalk.user.profile;

import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.jspecify.annotations.Nullable;

import tools.jackson.databind.annotation.JsonDeserialize;

/**
 * {@code PATCH /api/users/me}: every field is optional and an absent one ({@code null}
 * here) stays as it is. An explicit JSON {@code null} arrives as {@code ""} (merge-patch:
 * null removes), which clears the status message or the avatar and is refused for the
 * display name, which cannot be removed.
 */
record UpdateProfileRequest(
		@JsonDeserialize(using = NullAsEmptyDeserializer.class) @Size(min = 1, max = 40,
				message = "must be 1 to 40 characters and not blank") @Pattern(regexp = NO_CONTROL_CHARACTERS,
						message = "must not contain control characters") @Nullable String displayName,
		@JsonDeserialize(using = NullAsEmptyDeserializer.class) @Size(max = 60,
				message = "must be at most 60 characters") @Pattern(regexp = NO_CONTROL_CHARACTERS,
						message = "must not contain control characters") @Nullable String statusMessage,
		@JsonDeserialize(using = NullAsEmptyDeserializer.class) @Size(max = 2048,
				message = "must be at most 2048 characters") @HttpUrl @Nullable String avatarUrl) {

	static final String NO_CONTROL_CHARACTERS = "\\P{Cc}*";

	UpdateProfileRequest {
		displayName = trim(displayName);
		statusMessage = trim(statusMessage);
		avatarUrl = trim(avatarUrl);
	}

	static @Nullable String trim(@Nullable String value) {
		return (value != null) ? value.strip() : null;
	}

}
