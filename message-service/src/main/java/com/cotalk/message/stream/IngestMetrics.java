package com.cotalk.message.stream;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;

/**
 * What an operator watches on the message path: messages stored, batch sizes, what waits
 * in each partition stream and what was given up on. The stream gauges are refreshed by
 * the readers, so scraping never calls Redis.
 */
class IngestMetrics {

	private final MeterRegistry registry;

	private final Counter stored;

	private final Counter duplicates;

	private final Counter deadLettered;

	private final DistributionSummary batchSize;

	private final Map<Integer, StreamGauges> streams = new ConcurrentHashMap<>();

	IngestMetrics(MeterRegistry registry) {
		this.registry = registry;
		this.stored = Counter.builder("cotalk.messages.stored")
			.description("Messages written to PostgreSQL")
			.register(registry);
		this.duplicates = Counter.builder("cotalk.messages.duplicates")
			.description("Redelivered entries that were already stored")
			.register(registry);
		this.deadLettered = Counter.builder("cotalk.messages.dead.lettered")
			.description("Entries moved to a dead-letter stream")
			.register(registry);
		this.batchSize = DistributionSummary.builder("cotalk.messages.batch.size")
			.description("Entries per insert statement")
			.baseUnit("messages")
			.publishPercentileHistogram()
			.minimumExpectedValue(1.0)
			.maximumExpectedValue(10_000.0)
			.register(registry);
	}

	void batchStored(int entries, int inserted) {
		this.batchSize.record(entries);
		this.stored.increment(inserted);
		this.duplicates.increment(entries - inserted);
	}

	void stored(int inserted) {
		this.stored.increment(inserted);
	}

	void deadLettered(int entries) {
		this.deadLettered.increment(entries);
	}

	double storedTotal() {
		return this.stored.count();
	}

	/**
	 * What the partition's stream holds: all entries, those our group has read but not
	 * acked, and those unread.
	 */
	void streamState(int partition, long length, long pending, long lag) {
		StreamGauges gauges = this.streams.computeIfAbsent(partition, this::register);
		gauges.length = length;
		gauges.pending = pending;
		gauges.lag = lag;
	}

	private StreamGauges register(int partition) {
		StreamGauges gauges = new StreamGauges();
		Tags tags = Tags.of("partition", Integer.toString(partition));
		Gauge.builder("cotalk.messages.stream.length", gauges, (g) -> g.length)
			.description("Entries in the partition stream")
			.tags(tags)
			.register(this.registry);
		Gauge.builder("cotalk.messages.stream.pending", gauges, (g) -> g.pending)
			.description("Entries read by message-service but not yet acknowledged")
			.tags(tags)
			.register(this.registry);
		Gauge.builder("cotalk.messages.stream.lag", gauges, (g) -> (g.lag < 0) ? Double.NaN : g.lag)
			.description("Entries not yet read by message-service (Redis 7+)")
			.tags(tags)
			.register(this.registry);
		return gauges;
	}

	private static final class StreamGauges {

		volatile double length;

		volatile double pending;

		volatile double lag = -1;

	}

}
