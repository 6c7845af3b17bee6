package com.cotalk.chat.profile;

import java.net.http.HttpClient;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;

import com.cotalk.chat.ChatProperties;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * user-service's internal batch lookup. The shared builder adds the internal token and
 * the correlation id.
 */
@Component
class UserServiceClient {

	/** user-service's limit per call. */
	static final int MAX_BATCH = 500;

	private final RestClient client;

	UserServiceClient(RestClient.Builder builder, ChatProperties properties) {
		HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
		JdkClientHttpRequestFactory factory = new JdkClientHttpRequestFactory(http);
		factory.setReadTimeout(Duration.ofSeconds(3));
		this.client = builder.baseUrl(properties.userServiceUrl().toString()).requestFactory(factory).build();
	}

	/** The profiles of those ids that exist (at most {@link #MAX_BATCH}). */
	List<UserProfile> fetch(List<UUID> userIds) {
		String ids = userIds.stream().map(UUID::toString).collect(Collectors.joining(","));
		ProfileList answer = this.client.get()
			.uri((uri) -> uri.path("/internal/users").queryParam("ids", ids).build())
			.retrieve()
			.body(ProfileList.class);
		return (answer != null && answer.items() != null) ? answer.items() : List.of();
	}

	@JsonIgnoreProperties(ignoreUnknown = true)
	record ProfileList(@Nullable List<UserProfile> items) {
	}

}
