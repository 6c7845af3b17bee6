package com.cotalk.message.stream;

import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;

/**
 * Stores entries and only then acknowledges them. The whole batch goes in one statement;
 * when PostgreSQL refuses it because of some row, the entries are retried one by one, so
 * one bad message never holds back the others. A refused entry stays pending and comes
 * back through a claim; once it has been delivered {@code maxDeliveries} times it goes to
 * the dead-letter stream. When the database itself fails, nothing is acknowledged and the
 * entries are handed back to be tried again later.
 */
class BatchWriter {

	private static final Logger log = LoggerFactory.getLogger(BatchWriter.class);

	private final MessageBatchRepository messages;

	private final IngestMetrics metrics;

	private final int maxDeliveries;

	BatchWriter(MessageBatchRepository messages, IngestMetrics metrics, int maxDeliveries) {
		this.messages = messages;
		this.metrics = metrics;
		this.maxDeliveries = maxDeliveries;
	}

	Attempt write(PartitionStream stream, List<Entry> entries) {
		if (entries.isEmpty()) {
			return Attempt.DONE;
		}
		int inserted;
		try {
			inserted = this.messages.insert(entries.stream().map(Entry::event).toList());
		}
		catch (DataAccessException ex) {
			return DatabaseFaults.isEntryFault(ex) ? writeOneByOne(stream, entries) : new Attempt(entries, ex);
		}
		stream.ack(entries.stream().map(Entry::id).toList());
		this.metrics.batchStored(entries.size(), inserted);
		return Attempt.DONE;
	}

	private Attempt writeOneByOne(PartitionStream stream, List<Entry> entries) {
		List<String> settled = new ArrayList<>(entries.size());
		for (int i = 0; i < entries.size(); i++) {
			Entry entry = entries.get(i);
			try {
				this.metrics.stored(this.messages.insert(List.of(entry.event())));
				settled.add(entry.id());
			}
			catch (DataAccessException ex) {
				if (!DatabaseFaults.isEntryFault(ex)) {
					stream.ack(settled);
					return new Attempt(entries.subList(i, entries.size()), ex);
				}
				if (refuse(stream, entry, DatabaseFaults.describe(ex))) {
					settled.add(entry.id());
				}
			}
		}
		stream.ack(settled);
		return Attempt.DONE;
	}

	/**
	 * Dead-letters the entry once it has had its deliveries; true when it may be
	 * acknowledged.
	 */
	private boolean refuse(PartitionStream stream, Entry entry, String reason) {
		long deliveries = stream.deliveries(entry.id());
		if (deliveries == 0) {
			return false; // another consumer settled it meanwhile
		}
		if (deliveries < this.maxDeliveries) {
			log.warn("PostgreSQL refused entry {} of {} (room {}, seq {}): {}; left pending for delivery {} of {}",
					entry.id(), stream.key(), entry.event().roomId(), entry.event().seq(), reason, deliveries + 1,
					this.maxDeliveries);
			return false;
		}
		stream.deadLetter(entry.raw(), "PostgreSQL refused the row: " + reason, deliveries);
		this.metrics.deadLettered(1);
		log.error("Entry {} of {} (room {}, seq {}) refused {} times ({}): moved to the dead-letter stream", entry.id(),
				stream.key(), entry.event().roomId(), entry.event().seq(), deliveries, reason);
		return true;
	}

	/**
	 * The outcome of one attempt.
	 *
	 * @param retry entries to write again after a pause (nothing of them is acknowledged)
	 * @param failure why the database could not take them
	 */
	record Attempt(List<Entry> retry, @Nullable DataAccessException failure) {

		static final Attempt DONE = new Attempt(List.of(), null);

		boolean done() {
			return this.retry.isEmpty();
		}

	}

}
