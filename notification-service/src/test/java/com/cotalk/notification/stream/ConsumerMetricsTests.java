package com.cotalk.notification.stream;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.lettuce.core.RedisClient;
import io.lettuce.core.StreamMessage;
import io.lettuce.core.api.StatefulRedisConnection;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.cotalk.testsupport.TestInfrastructure;

/**
 * The backlog gauges against a real Redis: what is appended and not read is lag, what is
 * read and not acknowledged is pending.
 */
class ConsumerMetricsTests {

	private final RedisClient client = RedisClient.create(TestInfrastructure.redisUrl());

	private final String key = "test:consumer-metrics:" + UUID.randomUUID();

	private final MeterRegistry meters = new SimpleMeterRegistry();

	private final ConsumerMetrics metrics = new ConsumerMetrics(this.meters);

	@AfterEach
	void cleanUp() {
		try (StatefulRedisConnection<String, String> connection = this.client.connect()) {
			connection.sync().del(this.key);
		}
		this.client.shutdown();
	}

	@Test
	void reportsWhatTheGroupHasNotReadAndWhatItHasNotAcknowledged() {
		try (GroupStream stream = GroupStream.open(this.client, this.key, "notification-service", "reader-1",
				Duration.ofSeconds(5)); StatefulRedisConnection<String, String> producer = this.client.connect()) {
			stream.ensureGroup(StreamSubscription.Start.BEGINNING);
			for (int i = 0; i < 3; i++) {
				producer.sync().xadd(this.key, Map.of("event", "e" + i));
			}
			this.metrics.state(this.key, stream.groupState());
			assertThat(gauge("cotalk.notifications.stream.lag")).isEqualTo(3);
			assertThat(gauge("cotalk.notifications.stream.pending")).isZero();

			List<StreamMessage<String, String>> read = stream.readNew(2, Duration.ofMillis(100));
			this.metrics.state(this.key, stream.groupState());
			assertThat(gauge("cotalk.notifications.stream.lag")).isEqualTo(1);
			assertThat(gauge("cotalk.notifications.stream.pending")).isEqualTo(2);

			stream.ack(read.stream().map(StreamMessage::getId).toList());
			this.metrics.state(this.key, stream.groupState());
			assertThat(gauge("cotalk.notifications.stream.pending")).isZero();
		}
	}

	private double gauge(String name) {
		return this.meters.get(name).tag("stream", this.key).gauge().value();
	}

}
