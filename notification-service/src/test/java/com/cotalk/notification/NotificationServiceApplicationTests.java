package com.cotalk.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.cotalk.testsupport.ApiClient;
import com.cotalk.testsupport.TestTokens;

@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class NotificationServiceApplicationTests {

	@LocalServerPort
	int port;

	@Test
	void reportsHealthyAndRefusesCallsWithoutAToken() {
		ApiClient api = new ApiClient("http://127.0.0.1:" + this.port);
		assertThat(api.get("/actuator/health/readiness", null).text("status")).isEqualTo("UP");
		ApiClient.Response anonymous = api.get("/api/anything", null);
		assertThat(anonymous.status()).isEqualTo(401);
		assertThat(anonymous.text("code")).isEqualTo("UNAUTHORIZED");
		assertThat(api.get("/api/anything", TestTokens.accessToken(UUID.randomUUID())).text("code"))
			.isEqualTo("NOT_FOUND");
	}

	@Test
	void exposesTheBacklogOfEveryStreamItReads() throws InterruptedException {
		ApiClient api = new ApiClient("http://127.0.0.1:" + this.port);
		String metrics = api.get("/actuator/prometheus", null).body();
		for (int i = 0; i < 100
				&& !metrics.contains("cotalk_notifications_stream_pending{stream=\"events:rooms\"}"); i++) {
			Thread.sleep(100);
			metrics = api.get("/actuator/prometheus", null).body();
		}
		assertThat(metrics).contains("cotalk_notifications_stream_pending{stream=\"events:friends\"}",
				"cotalk_notifications_stream_lag{stream=\"events:rooms\"}");
	}

}
