package com.cotalk.user.profile;

import java.util.List;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Size;

import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * Service-to-service calls: the auth-service creates profiles, other services read them
 * in batches.
 */
@RestController
@RequestMapping("/internal/users")
@Tag(name = "internal")
class InternalProfileController {

	static final int MAX_BATCH = 500;

	private final ProfileService profiles;

	InternalProfileController(ProfileService profiles) {
		this.profiles = profiles;
	}

	/**
	 * 201 when created, 200 with the profile as it stands when the user already had one.
	 */
	@PutMapping("/{userId}")
	ResponseEntity<PrivateProfileResponse> createProfile(@PathVariable UUID userId,
			@Valid @RequestBody CreateProfileRequest request) {
		ProfileService.Creation creation = this.profiles.createProfile(userId, request.email(), request.displayName());
		return ResponseEntity.status(creation.created() ? HttpStatus.CREATED : HttpStatus.OK)
			.body(PrivateProfileResponse.from(creation.profile()));
	}

	/**
	 * {@code ids} comma-separated (or repeated); unknown ids are left out of
	 * {@code items}.
	 */
	@GetMapping
	ProfileListResponse getProfiles(@RequestParam(required = false) @NotEmpty @Size(max = MAX_BATCH,
			message = "must hold at most " + MAX_BATCH + " ids") @Nullable List<@Nullable UUID> ids) {
		return ProfileListResponse.from(this.profiles.getProfiles(ids));
	}

}
