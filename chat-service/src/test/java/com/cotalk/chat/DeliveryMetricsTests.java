package com.cotalk.chat;

import static com.cotalk.testsupport.PrometheusText.delta;
import static com.cotalk.testsupport.PrometheusText.sum;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import com.cotalk.testsupport.ApiClient;
import com.cotalk.testsupport.StompTestClient;

/**
 * What Prometheus scrapes from {@code /actuator/prometheus} as messages flow: accepted,
 * delivered to each session, and how long from acceptance to a member's socket.
 */
class DeliveryMetricsTests extends ChatApiTestSupport {

	@Test
	void countsAMessageAcceptedOnceAndDeliveredToEverySessionAndTimesItEndToEnd() throws Exception {
		TestUser alice = user("Alice");
		TestUser bob = user("Bob");
		UUID roomId = group(alice, "metrics", bob);
		try (StompTestClient phone = StompTestClient.connect(this.port, alice.token());
				StompTestClient laptop = StompTestClient.connect(this.port, alice.token());
				StompTestClient bobs = StompTestClient.connect(this.port, bob.token())) {
			String before = scrape();
			assertThat(sum(before, "cotalk_stomp_sessions")).isGreaterThanOrEqualTo(3);

			phone.sendMessage(roomId, "metrics-1", "안녕", "r-1").get(10, TimeUnit.SECONDS);
			for (StompTestClient session : new StompTestClient[] { phone, laptop, bobs }) {
				assertThat(session.nextEvent("message").path("clientMsgId").asString()).isEqualTo("metrics-1");
			}
			String after = awaitScrape("cotalk_messages_end_to_end_seconds_count",
					sum(before, "cotalk_messages_end_to_end_seconds_count") + 3);

			assertThat(delta(before, after, "cotalk_messages_accepted_total")).isEqualTo(1);
			assertThat(delta(before, after, "cotalk_messages_delivered_total")).isEqualTo(3);
			assertThat(delta(before, after, "cotalk_messages_end_to_end_seconds_count")).isEqualTo(3);
			assertThat(sum(after, "cotalk_messages_end_to_end_seconds_bucket")).as("a histogram for percentiles")
				.isPositive();
			assertThat(delta(before, after, "cotalk_delivery_fanout_seconds_count")).isGreaterThanOrEqualTo(1);

			phone.sendMessage(roomId, "metrics-1", "안녕", "r-2").get(10, TimeUnit.SECONDS);
			assertThat(delta(after, scrape(), "cotalk_messages_accepted_total")).as("a resent duplicate").isZero();
		}
	}

	private String scrape() {
		ApiClient.Response metrics = this.api.get("/actuator/prometheus", null);
		assertThat(metrics.status()).isEqualTo(200);
		return metrics.body();
	}

	private String awaitScrape(String name, double atLeast) throws InterruptedException {
		String body = scrape();
		for (int i = 0; i < 100 && sum(body, name) < atLeast; i++) {
			Thread.sleep(20);
			body = scrape();
		}
		return body;
	}

}
