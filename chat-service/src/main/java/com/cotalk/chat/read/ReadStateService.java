package com.cotalk.chat.read;

import java.util.UUID;

import jakarta.annotation.PreDestroy;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;

import com.cotalk.chat.writebehind.WriteBehind;

/**
 * Coalesces read positions: a member reading message after message costs one row update
 * per flush, not one per message; positions not yet written stay readable (see
 * {@link WriteBehind}).
 */
@Service
public class ReadStateService {

	private final WriteBehind<Key, Long> writes;

	private final ApplicationEventPublisher events;

	ReadStateService(ReadStateRepository repository, ApplicationEventPublisher events) {
		this.writes = new WriteBehind<>("read positions", Math::max, repository::advance);
		this.events = events;
	}

	/**
	 * Moves the member's read position to {@code seq} unless it is already there or
	 * beyond.
	 */
	public void markRead(UUID roomId, UUID userId, long seq) {
		Key key = new Key(roomId, userId);
		long before = pendingSeq(key);
		this.writes.offer(key, seq);
		if (seq > before) {
			this.events.publishEvent(new ReadPositionMoved(roomId, userId, seq));
		}
	}

	/**
	 * The sender of message {@code seq} has read up to it. Stored like any read, but not
	 * announced: the {@code message} event tells every member as much, and a {@code read}
	 * event per message would double the room's fan-out.
	 */
	public void markReadBySending(UUID roomId, UUID userId, long seq) {
		this.writes.offer(new Key(roomId, userId), seq);
	}

	/** The member's read position: the stored one or a newer one not yet written. */
	public long lastReadSeq(UUID roomId, UUID userId, long stored) {
		return Math.max(stored, pendingSeq(new Key(roomId, userId)));
	}

	private long pendingSeq(Key key) {
		Long unwritten = this.writes.unwritten(key);
		return (unwritten != null) ? unwritten : 0L;
	}

	@Scheduled(fixedDelayString = "${cotalk.chat.flush-interval:200ms}")
	@PreDestroy
	public void flush() {
		this.writes.flush();
	}

	record Key(UUID roomId, UUID userId) {
	}

}
