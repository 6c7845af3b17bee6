package com.cotalk.friend;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import com.cotalk.testsupport.ApiClient;

class OpenApiTests extends FriendApiTestSupport {

	@Test
	void publishesEveryFriendEndpoint() {
		ApiClient.Response doc = this.api.get("/v3/api-docs", null);
		assertThat(doc.status()).isEqualTo(200);
		assertThat(doc.json().path("paths").propertyNames()).contains("/api/friends/requests",
				"/api/friends/requests/{requestId}/accept", "/api/friends/requests/{requestId}/decline",
				"/api/friends/requests/{requestId}", "/api/friends", "/api/friends/{userId}", "/api/blocks",
				"/api/blocks/{userId}", "/internal/relations", "/internal/friends/{userId}/ids");
		assertThat(doc.body()).doesNotContain("\"caller\"");
	}

}
