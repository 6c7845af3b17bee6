package com.cotalk.user.profile;

import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
class ProfileService {

	private final ProfileRepository profiles;

	private final ApplicationEventPublisher events;

	ProfileService(ProfileRepository profiles, ApplicationEventPublisher events) {
		this.profiles = profiles;
		this.events = events;
	}

	@Transactional(readOnly = true)
	Profile getProfile(UUID userId) {
		return this.profiles.findById(userId).orElseThrow(UserNotFoundException::new);
	}

	/**
	 * The profiles that exist among the ids, in no particular order; unknown ids are left
	 * out.
	 */
	@Transactional(readOnly = true)
	List<Profile> getProfiles(Collection<@Nullable UUID> userIds) {
		return this.profiles.findAllById(userIds.stream().filter(Objects::nonNull).distinct().toList());
	}

	@Transactional(readOnly = true)
	List<Profile> searchProfiles(String query, int limit) {
		return this.profiles.search(query.strip(), limit);
	}

	/**
	 * Applies the owner's edit; {@code null} leaves a field alone, an empty avatar URL
	 * removes the avatar.
	 */
	@Transactional
	Profile updateProfile(UUID userId, @Nullable String displayName, @Nullable String statusMessage,
			@Nullable String avatarUrl) {
		Profile current = this.profiles.findByIdForUpdate(userId).orElseThrow(UserNotFoundException::new);
		Profile edited = current.edit(displayName, statusMessage, avatarUrl);
		if (edited.equals(current)) {
			return current;
		}
		Profile saved = this.profiles.update(edited);
		this.events.publishEvent(new ProfileChanged(userId));
		return saved;
	}

	/**
	 * Creates the profile of a new user. Safe to repeat: when the user already has a
	 * profile it is returned as it is, never overwritten, because by then its owner may
	 * have edited it.
	 */
	@Transactional
	Creation createProfile(UUID userId, String email, String displayName) {
		Optional<Profile> inserted = this.profiles.insertIfAbsent(userId, email, displayName);
		if (inserted.isPresent()) {
			return new Creation(inserted.get(), true);
		}
		// Nothing inserted: either this user's profile exists, or the email belongs to
		// someone else.
		return this.profiles.findById(userId)
			.map((existing) -> new Creation(existing, false))
			.orElseThrow(EmailTakenException::new);
	}

	record Creation(Profile profile, boolean created) {
	}

}
