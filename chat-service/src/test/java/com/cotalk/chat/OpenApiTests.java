package com.cotalk.chat;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import com.cotalk.testsupport.ApiClient;

class OpenApiTests extends ChatApiTestSupport {

	@Test
	void publishesEveryRoomAndMessageEndpoint() {
		ApiClient.Response doc = this.api.get("/v3/api-docs", null);
		assertThat(doc.status()).isEqualTo(200);
		assertThat(doc.json().path("paths").propertyNames()).contains("/api/rooms", "/api/rooms/{roomId}",
				"/api/rooms/{roomId}/members", "/api/rooms/{roomId}/members/me", "/api/rooms/{roomId}/read",
				"/api/rooms/{roomId}/settings", "/api/rooms/{roomId}/messages", "/internal/rooms/{roomId}/members",
				"/internal/users/{userId}/rooms");
		assertThat(doc.body()).doesNotContain("\"caller\"");
	}

}
