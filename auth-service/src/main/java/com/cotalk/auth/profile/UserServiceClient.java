package com.cotalk.auth.profile;

import java.net.http.HttpClient;
import java.time.Duration;
import java.util.Map;

import org.springframework.http.MediaType;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;

import com.cotalk.auth.AuthProperties;

/**
 * user-service's internal profile API. The shared builder adds the internal token and the
 * correlation id.
 */
@Component
class UserServiceClient {

	private final RestClient client;

	UserServiceClient(RestClient.Builder builder, AuthProperties properties) {
		HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
		JdkClientHttpRequestFactory factory = new JdkClientHttpRequestFactory(http);
		factory.setReadTimeout(Duration.ofSeconds(3));
		this.client = builder.baseUrl(properties.userServiceUrl().toString()).requestFactory(factory).build();
	}

	/**
	 * Idempotent: user-service keeps an existing profile as it is. Throws when
	 * user-service does not accept it.
	 */
	void createProfile(ProfileOutboxRepository.PendingProfile profile) {
		this.client.put()
			.uri("/internal/users/{id}", profile.accountId())
			.contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("email", profile.email(), "displayName", profile.displayName()))
			.retrieve()
			.toBodilessEntity();
	}

}
