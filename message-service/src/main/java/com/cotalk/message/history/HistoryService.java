package com.cotalk.message.history;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.OptionalLong;
import java.util.UUID;

import org.springframework.stereotype.Service;

import com.cotalk.message.ChatServiceClient;
import com.cotalk.message.RoomCounters;
import com.cotalk.message.RoomMembers;
import com.cotalk.message.RoomNotFoundException;
import com.cotalk.message.StoredMessage;

@Service
class HistoryService {

	private final HistoryRepository messages;

	private final ChatServiceClient chatService;

	private final RoomCounters counters;

	HistoryService(HistoryRepository messages, ChatServiceClient chatService, RoomCounters counters) {
		this.messages = messages;
		this.chatService = chatService;
		this.counters = counters;
	}

	/**
	 * A page of the room's history, oldest first, for a member of the room; anyone else
	 * is told the room does not exist.
	 */
	HistoryPage getHistory(UUID callerId, UUID roomId, HistoryQuery query) {
		RoomMembers members = this.chatService.members(roomId);
		if (!members.includes(callerId)) {
			throw new RoomNotFoundException();
		}
		List<StoredMessage> found = new ArrayList<>(page(roomId, query));
		boolean hasMore = found.size() > query.limit();
		if (hasMore) {
			found.removeLast();
		}
		if (query.fromNewest()) {
			Collections.reverse(found);
		}
		return new HistoryPage(found, members, hasMore);
	}

	/**
	 * The page, and for a catch-up ({@code after}) every message acknowledged before the
	 * request that belongs on it: storage lags acknowledgement by a few hundred
	 * milliseconds, and a client that reconnected is subscribed again before it asks, so
	 * what was sent in between reaches it only through this page. Waits for them up to
	 * {@link RoomCounters#STORAGE_WAIT}.
	 */
	private List<StoredMessage> page(UUID roomId, HistoryQuery query) {
		List<StoredMessage> found = this.messages.findPage(roomId, query, query.limit() + 1);
		if (query.after() == null) {
			return found;
		}
		OptionalLong handedOut = this.counters.handedOut(roomId);
		if (handedOut.isEmpty()) {
			return found;
		}
		long due = Math.min(handedOut.getAsLong(), query.after() + query.limit());
		if (query.before() != null) {
			due = Math.min(due, query.before() - 1);
		}
		long upTo = due;
		return this.counters.awaitStored(found, () -> this.messages.findPage(roomId, query, query.limit() + 1),
				(page) -> highestSeq(page, query.after()) >= upTo);
	}

	private static long highestSeq(List<StoredMessage> found, long after) {
		return found.isEmpty() ? after : found.getLast().seq();
	}

	long getMaxSeq(UUID roomId) {
		return this.messages.maxSeq(roomId);
	}

	List<LastMessage> getLastMessages(Collection<UUID> roomIds) {
		return this.messages.lastMessages(new LinkedHashSet<>(roomIds));
	}

	record HistoryPage(List<StoredMessage> messages, RoomMembers members, boolean hasMore) {
	}

}
