package com.cotalk.message;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.cotalk.testsupport.ApiClient;
import com.cotalk.testsupport.TestTokens;

class MessageServiceApplicationTests extends MessageServiceTestSupport {

	@Test
	void reportsHealthyAndRefusesCallsWithoutAToken() {
		assertThat(this.api.get("/actuator/health/readiness", null).text("status")).isEqualTo("UP");
		assertThat(this.api.get("/actuator/health/liveness", null).text("status")).isEqualTo("UP");
		ApiClient.Response anonymous = this.api.get("/api/anything", null);
		assertThat(anonymous.status()).isEqualTo(401);
		assertThat(anonymous.text("code")).isEqualTo("UNAUTHORIZED");
		assertThat(this.api.get("/api/anything", TestTokens.accessToken(UUID.randomUUID())).text("code"))
			.isEqualTo("NOT_FOUND");
	}

	@Test
	void exposesTheIngestMetrics() {
		await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
			ApiClient.Response metrics = this.api.get("/actuator/prometheus", null);
			assertThat(metrics.status()).isEqualTo(200);
			assertThat(metrics.body()).contains("cotalk_messages_stored_total", "cotalk_messages_dead_lettered_total",
					"cotalk_messages_batch_size_messages", "cotalk_messages_stream_pending{partition=\"15\"}",
					"cotalk_messages_stream_length{partition=\"0\"}", "cotalk_messages_stream_lag{partition=\"7\"}");
		});
	}

}
