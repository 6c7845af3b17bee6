package com.cotalk.message.stream;

import java.time.Duration;
import java.util.List;
import java.util.function.BooleanSupplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.lettuce.core.StreamMessage;

/**
 * Takes a batch of entries as read or claimed to the end: entries that can never be
 * stored go to the dead-letter stream at once, the others are written and acknowledged,
 * waiting out a database outage for as long as it lasts (unless the reader is stopping;
 * then they stay unacknowledged for another consumer to claim).
 */
class EntryStore {

	private static final Logger log = LoggerFactory.getLogger(EntryStore.class);

	private final EntryParser parser;

	private final BatchWriter writer;

	private final IngestMetrics metrics;

	private final Duration maxBackoff;

	EntryStore(EntryParser parser, BatchWriter writer, IngestMetrics metrics, Duration maxBackoff) {
		this.parser = parser;
		this.writer = writer;
		this.metrics = metrics;
		this.maxBackoff = maxBackoff;
	}

	void store(PartitionStream stream, List<StreamMessage<String, String>> entries, BooleanSupplier active) {
		EntryParser.Parsed parsed = this.parser.parse(entries);
		parsed.rejected().forEach((rejected) -> reject(stream, rejected));
		stream.ack(parsed.gone());
		List<Entry> toWrite = parsed.valid();
		Backoff backoff = new Backoff(Backoff.FIRST_RETRY, this.maxBackoff);
		while (true) {
			BatchWriter.Attempt attempt = this.writer.write(stream, toWrite);
			if (attempt.done()) {
				if (backoff.failures() > 0) {
					log.info("PostgreSQL is back: stored the {} waiting entries of {}", toWrite.size(), stream.key());
				}
				return;
			}
			toWrite = attempt.retry();
			if (backoff.failures() % 20 == 0) {
				log.warn("PostgreSQL unavailable ({}): {} entries of {} stay unacknowledged in the stream; retrying",
						DatabaseFaults.describe(attempt.failure()), toWrite.size(), stream.key());
			}
			if (!active.getAsBoolean()) {
				log.warn("Stopping with {} entries of {} unacknowledged; another consumer will claim them",
						toWrite.size(), stream.key());
				return;
			}
			backoff.pause();
		}
	}

	private void reject(PartitionStream stream, EntryParser.Rejected rejected) {
		String id = rejected.entry().getId();
		stream.deadLetter(rejected.entry(), rejected.reason(), stream.deliveries(id));
		stream.ack(List.of(id));
		this.metrics.deadLettered(1);
		log.error("Entry {} of {} is not a storable message ({}): moved to the dead-letter stream", id, stream.key(),
				rejected.reason());
	}

}
