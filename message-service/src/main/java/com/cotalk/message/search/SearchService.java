package com.cotalk.message.search;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.springframework.stereotype.Service;

import com.cotalk.message.ChatServiceClient;
import com.cotalk.message.RoomMembers;
import com.cotalk.message.RoomNotFoundException;
import com.cotalk.message.StoredMessage;

@Service
class SearchService {

	private final ChatServiceClient chatService;

	private final SearchRepository messages;

	SearchService(ChatServiceClient chatService, SearchRepository messages) {
		this.chatService = chatService;
		this.messages = messages;
	}

	/**
	 * Matches from the rooms the caller is in now (asked of chat-service on every search,
	 * so a room left is out at once), with the unread counts of each page's rooms.
	 */
	SearchPage searchMessages(UUID callerId, SearchQuery query) {
		List<UUID> rooms = this.chatService.roomsOf(callerId);
		if (query.roomId() != null) {
			if (!rooms.contains(query.roomId())) {
				throw new RoomNotFoundException();
			}
			rooms = List.of(query.roomId());
		}
		if (rooms.isEmpty()) {
			return new SearchPage(List.of(), Map.of(), false);
		}
		List<StoredMessage> found = new ArrayList<>(
				this.messages.search(rooms, query.text(), query.before(), query.limit() + 1));
		boolean hasMore = found.size() > query.limit();
		if (hasMore) {
			found.removeLast();
		}
		return new SearchPage(found, members(found), hasMore);
	}

	/** One members call per room of the page, side by side. */
	private Map<UUID, RoomMembers> members(List<StoredMessage> found) {
		Map<UUID, RoomMembers> members = new ConcurrentHashMap<>();
		List<UUID> rooms = found.stream().map(StoredMessage::roomId).distinct().toList();
		try (ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor()) {
			for (UUID room : rooms) {
				executor.submit(() -> {
					try {
						members.put(room, this.chatService.members(room));
					}
					catch (RoomNotFoundException ex) {
						// the room went away meanwhile: no one left to have read it
					}
				});
			}
		}
		return members;
	}

	record SearchPage(List<StoredMessage> messages, Map<UUID, RoomMembers> members, boolean hasMore) {
	}

}
