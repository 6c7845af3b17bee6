package com.cotalk.user.profile;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * {@code PUT /internal/users/{userId}}: what the auth-service knows of a new user at
 * sign-up.
 */
record CreateProfileRequest(@NotBlank @Email @Size(max = 320) String email,
		@NotBlank @Size(max = 40, message = "must be 1 to 40 characters and not blank") @Pattern(
				regexp = UpdateProfileRequest.NO_CONTROL_CHARACTERS,
				message = "must not contain control characters") String displayName) {

	CreateProfileRequest {
		email = UpdateProfileRequest.trim(email);
		displayName = UpdateProfileRequest.trim(displayName);
	}

}
