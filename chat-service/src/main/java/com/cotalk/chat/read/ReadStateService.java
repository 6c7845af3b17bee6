package com.cotalk.chat.read;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.annotation.PreDestroy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;

/**
 * Coalesces read positions: a member reading message after message costs one row update
 * per flush, not one per message. A position is in {@code pending} until a flush takes
 * it, then in {@code inflight} until the flush after the one that wrote it, so that a
 * read on this instance never sees it go back in between.
 */
@Service
public class ReadStateService {

	private static final Logger log = LoggerFactory.getLogger(ReadStateService.class);

	private final ReadStateRepository repository;

	private final ApplicationEventPublisher events;

	private final Map<Key, Long> pending = new ConcurrentHashMap<>();

	private final Map<Key, Long> inflight = new ConcurrentHashMap<>();

	/**
	 * Written by the last flush and still kept in {@code inflight} until the next one: a
	 * read that queried the database just before that commit still finds them here.
	 */
	private List<Map.Entry<Key, Long>> lastBatch = List.of();

	ReadStateService(ReadStateRepository repository, ApplicationEventPublisher events) {
		this.repository = repository;
		this.events = events;
	}

	/**
	 * Moves the member's read position to {@code seq} unless it is already there or
	 * beyond.
	 */
	public void markRead(UUID roomId, UUID userId, long seq) {
		Key key = new Key(roomId, userId);
		long before = pendingSeq(key);
		this.pending.merge(key, seq, Math::max);
		if (seq > before) {
			this.events.publishEvent(new ReadPositionMoved(roomId, userId, seq));
		}
	}

	/** The member's read position: the stored one or a newer one not yet written. */
	public long lastReadSeq(UUID roomId, UUID userId, long stored) {
		return Math.max(stored, pendingSeq(new Key(roomId, userId)));
	}

	private long pendingSeq(Key key) {
		return Math.max(this.pending.getOrDefault(key, 0L), this.inflight.getOrDefault(key, 0L));
	}

	@Scheduled(fixedDelayString = "${cotalk.chat.flush-interval:200ms}")
	@PreDestroy
	public synchronized void flush() {
		this.lastBatch.forEach((entry) -> this.inflight.remove(entry.getKey(), entry.getValue()));
		this.lastBatch = List.of();
		if (this.pending.isEmpty()) {
			return;
		}
		List<Map.Entry<Key, Long>> batch = new ArrayList<>();
		for (Key key : List.copyOf(this.pending.keySet())) {
			Long seq = this.pending.remove(key);
			if (seq != null) {
				this.inflight.merge(key, seq, Math::max);
				batch.add(Map.entry(key, seq));
			}
		}
		try {
			for (int from = 0; from < batch.size(); from += 5_000) {
				this.repository.advance(batch.subList(from, Math.min(from + 5_000, batch.size())));
			}
		}
		catch (RuntimeException ex) {
			log.warn("Could not write {} read positions, retrying: {}", batch.size(), ex.toString());
			batch.forEach((entry) -> this.pending.merge(entry.getKey(), entry.getValue(), Math::max));
		}
		this.lastBatch = batch;
	}

	record Key(UUID roomId, UUID userId) {
	}

}
