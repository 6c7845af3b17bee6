package com.cotalk.message;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import com.cotalk.testsupport.ApiClient;

import tools.jackson.databind.JsonNode;

class OpenApiTests extends MessageServiceTestSupport {

	@Test
	void publishesEveryEndpoint() {
		ApiClient.Response docs = this.api.get("/v3/api-docs", null);
		assertThat(docs.status()).as(docs.toString()).isEqualTo(200);
		JsonNode paths = docs.json().path("paths");
		assertThat(paths.propertyNames()).contains("/api/rooms/{roomId}/messages", "/internal/rooms/{roomId}/max-seq",
				"/internal/rooms/last-messages");
		// the caller comes from the token, never from a parameter
		assertThat(paths.path("/api/rooms/{roomId}/messages")
			.path("get")
			.path("parameters")
			.valueStream()
			.map((parameter) -> parameter.path("name").asString()))
			.containsExactlyInAnyOrder("roomId", "after", "before", "limit");
	}

}
