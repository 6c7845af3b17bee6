package com.cotalk.message.history;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.UUID;

import org.springframework.stereotype.Service;

import com.cotalk.message.ChatServiceClient;
import com.cotalk.message.RoomMembers;
import com.cotalk.message.RoomNotFoundException;
import com.cotalk.message.StoredMessage;

@Service
class HistoryService {

	private final HistoryRepository messages;

	private final ChatServiceClient chatService;

	HistoryService(HistoryRepository messages, ChatServiceClient chatService) {
		this.messages = messages;
		this.chatService = chatService;
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
		List<StoredMessage> found = new ArrayList<>(this.messages.findPage(roomId, query, query.limit() + 1));
		boolean hasMore = found.size() > query.limit();
		if (hasMore) {
			found.removeLast();
		}
		if (query.fromNewest()) {
			Collections.reverse(found);
		}
		return new HistoryPage(found, members, hasMore);
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
