package com.cotalk.message.edit;

import java.util.Optional;
import java.util.OptionalLong;
import java.util.UUID;

import org.springframework.stereotype.Component;

import com.cotalk.message.RoomCounters;
import com.cotalk.message.StoredMessage;

/**
 * Finds the message to change, allowing for storage lagging behind acceptance: a message
 * is acknowledged to its sender when it is in the Redis stream, and stored a few hundred
 * milliseconds later, so an edit right after sending waits for it (up to
 * {@link RoomCounters#STORAGE_WAIT}). A seq beyond the room's counter in Redis was never
 * handed out and is answered at once.
 */
@Component
class StoredMessages {

	private final EditRepository messages;

	private final RoomCounters counters;

	StoredMessages(EditRepository messages, RoomCounters counters) {
		this.messages = messages;
		this.counters = counters;
	}

	StoredMessage find(UUID roomId, long seq) {
		Optional<StoredMessage> found = this.messages.find(roomId, seq);
		if (found.isPresent()) {
			return found.get();
		}
		if (!handedOut(roomId, seq)) {
			throw new MessageNotFoundException();
		}
		return this.counters.awaitStored(found, () -> this.messages.find(roomId, seq), Optional::isPresent)
			.orElseThrow(MessageNotFoundException::new);
	}

	/**
	 * Unknown when Redis lost the counter: then it may have been, so it is waited for.
	 */
	private boolean handedOut(UUID roomId, long seq) {
		OptionalLong last = this.counters.handedOut(roomId);
		return last.isEmpty() || seq <= last.getAsLong();
	}

}
