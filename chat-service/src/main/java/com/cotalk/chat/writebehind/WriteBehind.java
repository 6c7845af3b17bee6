package com.cotalk.chat.writebehind;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BinaryOperator;
import java.util.function.Consumer;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Values that only move forward (read positions, activity times), kept in memory and
 * written in batches: a key changed a hundred times between two flushes costs one row
 * update. A value is in {@code pending} until a flush takes it, then in {@code inflight}
 * until the flush after the one that wrote it, so that a read on this instance never sees
 * it go back in between (a read that queried the database just before that commit still
 * finds it here). A failed write puts the batch back for the next flush.
 *
 * @param <K> the key
 * @param <V> the value; {@code newest} picks the further of two
 */
public final class WriteBehind<K, V> {

	private static final Logger log = LoggerFactory.getLogger(WriteBehind.class);

	private static final int CHUNK = 5_000;

	private final String what;

	private final BinaryOperator<V> newest;

	private final Consumer<List<Map.Entry<K, V>>> writer;

	private final Map<K, V> pending = new ConcurrentHashMap<>();

	private final Map<K, V> inflight = new ConcurrentHashMap<>();

	private List<Map.Entry<K, V>> lastBatch = List.of();

	/**
	 * @param what what the values are, for logs
	 * @param newest the further of two values
	 * @param writer writes a chunk of at most 5,000 entries, never moving a stored value
	 * backwards
	 */
	public WriteBehind(String what, BinaryOperator<V> newest, Consumer<List<Map.Entry<K, V>>> writer) {
		this.what = what;
		this.newest = newest;
		this.writer = writer;
	}

	public void offer(K key, V value) {
		this.pending.merge(key, value, this.newest);
	}

	/** The newest value not yet known to be in the database, or null. */
	public @Nullable V unwritten(K key) {
		V pendingValue = this.pending.get(key);
		V inflightValue = this.inflight.get(key);
		if (pendingValue == null) {
			return inflightValue;
		}
		return (inflightValue != null) ? this.newest.apply(pendingValue, inflightValue) : pendingValue;
	}

	public synchronized void flush() {
		this.lastBatch.forEach((entry) -> this.inflight.remove(entry.getKey(), entry.getValue()));
		this.lastBatch = List.of();
		if (this.pending.isEmpty()) {
			return;
		}
		List<Map.Entry<K, V>> batch = new ArrayList<>();
		for (K key : List.copyOf(this.pending.keySet())) {
			V value = this.pending.remove(key);
			if (value != null) {
				this.inflight.merge(key, value, this.newest);
				batch.add(Map.entry(key, value));
			}
		}
		try {
			for (int from = 0; from < batch.size(); from += CHUNK) {
				this.writer.accept(batch.subList(from, Math.min(from + CHUNK, batch.size())));
			}
		}
		catch (RuntimeException ex) {
			log.warn("Could not write {} {}, retrying: {}", batch.size(), this.what, ex.toString());
			batch.forEach((entry) -> this.pending.merge(entry.getKey(), entry.getValue(), this.newest));
		}
		this.lastBatch = batch;
	}

}
