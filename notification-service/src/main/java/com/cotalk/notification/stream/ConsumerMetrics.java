package com.cotalk.notification.stream;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import org.springframework.stereotype.Component;

/**
 * How far behind the group is on each stream, as the readers last saw it (they look when
 * they claim abandoned entries), so that scraping never calls Redis.
 */
@Component
class ConsumerMetrics {

	private final MeterRegistry registry;

	private final Map<String, StreamGauges> streams = new ConcurrentHashMap<>();

	ConsumerMetrics(MeterRegistry registry) {
		this.registry = registry;
	}

	void state(String stream, GroupStream.GroupState state) {
		StreamGauges gauges = this.streams.computeIfAbsent(stream, this::register);
		gauges.pending = state.pending();
		gauges.lag = state.lag();
	}

	private StreamGauges register(String stream) {
		StreamGauges gauges = new StreamGauges();
		Tags tags = Tags.of("stream", stream);
		Gauge.builder("cotalk.notifications.stream.pending", gauges, (g) -> g.pending)
			.description("Entries read by notification-service but not yet acknowledged")
			.tags(tags)
			.register(this.registry);
		Gauge.builder("cotalk.notifications.stream.lag", gauges, (g) -> (g.lag < 0) ? Double.NaN : g.lag)
			.description("Entries not yet read by notification-service (Redis 7+)")
			.tags(tags)
			.register(this.registry);
		return gauges;
	}

	private static final class StreamGauges {

		volatile double pending;

		volatile double lag = -1;

	}

}
