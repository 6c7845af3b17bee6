package com.cotalk.chat.activity;

import java.time.Instant;
import java.util.UUID;

import jakarta.annotation.PreDestroy;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;

import com.cotalk.chat.writebehind.WriteBehind;

/**
 * A busy room costs one {@code rooms} update per flush, not one per message. Pending
 * times stay readable until written (see {@link WriteBehind}).
 */
@Service
public class RoomActivityService {

	private final WriteBehind<UUID, Instant> writes;

	RoomActivityService(RoomActivityRepository repository) {
		this.writes = new WriteBehind<>("room activity times", RoomActivityService::later, repository::advance);
	}

	public void touch(UUID roomId, Instant at) {
		this.writes.offer(roomId, at);
	}

	/** The room's last activity: the stored time or a later one not yet written. */
	public Instant lastActivity(UUID roomId, Instant stored) {
		Instant unwritten = this.writes.unwritten(roomId);
		return (unwritten != null) ? later(stored, unwritten) : stored;
	}

	@Scheduled(fixedDelayString = "${cotalk.chat.flush-interval:200ms}")
	@PreDestroy
	public void flush() {
		this.writes.flush();
	}

	private static Instant later(Instant one, Instant other) {
		return one.isAfter(other) ? one : other;
	}

}
