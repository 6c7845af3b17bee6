package com.cotalk.user.profile;

import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import com.cotalk.common.error.ApiException;

import com.cotalk.common.security.AuthenticatedUser;

import io.swagger.v3.oas.annotations.tags.Tag;

@RestController
@RequestMapping("/api/users")
@Tag(name = "users")
class ProfileController {

	private final ProfileService profiles;

	ProfileController(ProfileService profiles) {
		this.profiles = profiles;
	}

	@GetMapping("/me")
	PrivateProfileResponse getMyProfile(AuthenticatedUser caller) {
		return PrivateProfileResponse.from(this.profiles.getProfile(caller.id()));
	}

	/** A missing body is as good as {@code {}}: nothing to change. */
	@PatchMapping("/me")
	PrivateProfileResponse updateMyProfile(AuthenticatedUser caller,
			@Valid @RequestBody(required = false) @Nullable UpdateProfileRequest request) {
		UpdateProfileRequest changes = (request != null) ? request : new UpdateProfileRequest(null, null, null);
		return PrivateProfileResponse.from(this.profiles.updateProfile(caller.id(), changes.displayName(),
				changes.statusMessage(), changes.avatarUrl()));
	}

	/** A malformed id names no user, so it is answered like an unknown one. */
	@GetMapping("/{userId}")
	ProfileResponse getProfile(@PathVariable String userId) {
		UUID id;
		try {
			id = UUID.fromString(userId);
		}
		catch (IllegalArgumentException ex) {
			throw new UserNotFoundException();
		}
		return ProfileResponse.from(this.profiles.getProfile(id));
	}

	@GetMapping
	ProfileListResponse searchProfiles(
			@RequestParam(required = false) @NotBlank @Size(max = 100,
					message = "must be at most 100 characters") @Nullable String q,
			@RequestParam(defaultValue = "20") @Min(1) @Max(50) int limit) {
		// PostgreSQL text cannot hold NUL, and no name holds a control character
		if (q != null && q.chars().anyMatch(Character::isISOControl)) {
			throw ApiException.validation("q", "must not contain control characters");
		}
		return ProfileListResponse.from(this.profiles.searchProfiles(q, limit));
	}

}
