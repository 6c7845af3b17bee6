package com.cotalk.notification.directory;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;

import com.cotalk.notification.NotificationProperties;
import com.cotalk.notification.stream.RetryLaterException;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** user-service's internal batch lookup of profiles. */
@Component
public class ProfileDirectory {

	/** user-service's limit per call. */
	private static final int MAX_BATCH = 500;

	private final RestClient client;

	ProfileDirectory(RestClient.Builder builder, NotificationProperties properties) {
		this.client = InternalClients.create(builder, properties.userServiceUrl());
	}

	/**
	 * The display names of those users that exist. Throws {@link RetryLaterException}
	 * when user-service does not answer.
	 */
	public Map<UUID, String> displayNames(Collection<UUID> userIds) {
		List<UUID> ids = List.copyOf(userIds);
		Map<UUID, String> names = new HashMap<>();
		for (int from = 0; from < ids.size(); from += MAX_BATCH) {
			for (Profile profile : fetch(ids.subList(from, Math.min(ids.size(), from + MAX_BATCH)))) {
				if (profile.userId() != null && profile.displayName() != null) {
					names.put(profile.userId(), profile.displayName());
				}
			}
		}
		return names;
	}

	private List<Profile> fetch(List<UUID> ids) {
		String joined = ids.stream().map(UUID::toString).collect(Collectors.joining(","));
		ProfileList answer;
		try {
			answer = this.client.get()
				.uri((uri) -> uri.path("/internal/users").queryParam("ids", joined).build())
				.retrieve()
				.body(ProfileList.class);
		}
		catch (RestClientException ex) {
			throw new RetryLaterException("user-service did not answer for profiles");
		}
		return (answer != null && answer.items() != null) ? answer.items() : new ArrayList<>();
	}

	@JsonIgnoreProperties(ignoreUnknown = true)
	record Profile(@Nullable UUID userId, @Nullable String displayName) {
	}

	@JsonIgnoreProperties(ignoreUnknown = true)
	record ProfileList(@Nullable List<Profile> items) {
	}

}
