package com.cotalk.chat.activity;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.annotation.PreDestroy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;

/**
 * A busy room costs one {@code rooms} update per flush, not one per message. Pending
 * times stay readable (pending, then inflight) until written.
 */
@Service
public class RoomActivityService {

	private static final Logger log = LoggerFactory.getLogger(RoomActivityService.class);

	private final RoomActivityRepository repository;

	private final Map<UUID, Instant> pending = new ConcurrentHashMap<>();

	private final Map<UUID, Instant> inflight = new ConcurrentHashMap<>();

	/**
	 * Written by the last flush and still kept in {@code inflight} until the next one: a
	 * read that queried the database just before that commit still finds them here.
	 */
	private List<Map.Entry<UUID, Instant>> lastBatch = List.of();

	RoomActivityService(RoomActivityRepository repository) {
		this.repository = repository;
	}

	public void touch(UUID roomId, Instant at) {
		this.pending.merge(roomId, at, RoomActivityService::later);
	}

	/** The room's last activity: the stored time or a later one not yet written. */
	public Instant lastActivity(UUID roomId, Instant stored) {
		Instant result = stored;
		Instant pendingAt = this.pending.get(roomId);
		if (pendingAt != null) {
			result = later(result, pendingAt);
		}
		Instant inflightAt = this.inflight.get(roomId);
		return (inflightAt != null) ? later(result, inflightAt) : result;
	}

	@Scheduled(fixedDelayString = "${cotalk.chat.flush-interval:200ms}")
	@PreDestroy
	public synchronized void flush() {
		this.lastBatch.forEach((entry) -> this.inflight.remove(entry.getKey(), entry.getValue()));
		this.lastBatch = List.of();
		if (this.pending.isEmpty()) {
			return;
		}
		List<Map.Entry<UUID, Instant>> batch = new ArrayList<>();
		for (UUID roomId : List.copyOf(this.pending.keySet())) {
			Instant at = this.pending.remove(roomId);
			if (at != null) {
				this.inflight.merge(roomId, at, RoomActivityService::later);
				batch.add(Map.entry(roomId, at));
			}
		}
		try {
			for (int from = 0; from < batch.size(); from += 5_000) {
				this.repository.advance(batch.subList(from, Math.min(from + 5_000, batch.size())));
			}
		}
		catch (RuntimeException ex) {
			log.warn("Could not write the activity of {} rooms, retrying: {}", batch.size(), ex.toString());
			batch.forEach((entry) -> this.pending.merge(entry.getKey(), entry.getValue(), RoomActivityService::later));
		}
		this.lastBatch = batch;
	}

	private static Instant later(Instant one, Instant other) {
		return one.isAfter(other) ? one : other;
	}

}
