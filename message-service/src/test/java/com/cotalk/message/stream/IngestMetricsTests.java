package com.cotalk.message.stream;

import static com.cotalk.testsupport.PrometheusText.delta;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.cotalk.common.messages.MessageEvent;
import com.cotalk.message.MessageServiceTestSupport;

/**
 * What Prometheus scrapes from {@code /actuator/prometheus} as messages are stored:
 * stored, duplicates and the batch sizes move with what arrives in the stream.
 */
class IngestMetricsTests extends MessageServiceTestSupport {

	@Test
	void countsStoredMessagesDuplicatesAndBatches() {
		String before = scrape();
		UUID room = UUID.randomUUID();
		MessageEvent first = message(room, 1);
		append(first);
		append(message(room, 2));
		append(first);
		awaitStored(room, 2);

		await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
			String after = scrape();
			assertThat(delta(before, after, "cotalk_messages_stored_total")).isGreaterThanOrEqualTo(2);
			assertThat(delta(before, after, "cotalk_messages_duplicates_total")).isGreaterThanOrEqualTo(1);
			assertThat(delta(before, after, "cotalk_messages_batch_size_messages_count")).isGreaterThanOrEqualTo(1);
			assertThat(delta(before, after, "cotalk_messages_batch_size_messages_sum")).isGreaterThanOrEqualTo(3);
		});
	}

	private String scrape() {
		return this.api.get("/actuator/prometheus", null).body();
	}

}
