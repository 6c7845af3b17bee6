package com.cotalk.chat.delivery;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;

import com.cotalk.chat.room.RoomService;
import com.cotalk.chat.member.RoomNotFoundException;
import com.cotalk.chat.read.ReadPositionMoved;

import tools.jackson.databind.json.JsonMapper;

/**
 * Read positions over STOMP, and the {@code read} events they cause, published on the
 * room's channel so that every instance delivers them. Read events (from REST and STOMP
 * alike, and from sending, which reads up to the message sent) are coalesced per member:
 * the newest position of each is published once per {@code read-event-interval}, all in
 * one pipeline.
 */
@Service
class RoomEventService {

	private static final Logger log = LoggerFactory.getLogger(RoomEventService.class);

	private final RoomService rooms;

	private final RoomChannels channels;

	private final JsonMapper json;

	private final Map<Key, Long> pendingReads = new ConcurrentHashMap<>();

	RoomEventService(RoomService rooms, RoomChannels channels, JsonMapper json) {
		this.rooms = rooms;
		this.channels = channels;
		this.json = json;
	}

	/**
	 * As {@code PUT /api/rooms/{roomId}/read}: never backwards, clamped to the room's
	 * last seq.
	 * @throws RoomNotFoundException for non-members
	 */
	void markRead(UUID userId, UUID roomId, long seq) {
		this.rooms.markRead(userId, roomId, seq);
	}

	@EventListener
	void onReadPositionMoved(ReadPositionMoved moved) {
		this.pendingReads.merge(new Key(moved.roomId(), moved.userId()), moved.lastReadSeq(), Math::max);
	}

	@Scheduled(fixedDelayString = "${cotalk.chat.ws.read-event-interval:100ms}")
	void publishReadEvents() {
		if (this.pendingReads.isEmpty()) {
			return;
		}
		List<Map.Entry<UUID, byte[]>> events = new ArrayList<>();
		for (Key key : List.copyOf(this.pendingReads.keySet())) {
			Long seq = this.pendingReads.remove(key);
			if (seq != null) {
				events.add(Map.entry(key.roomId(),
						this.json.writeValueAsBytes(ReadEvent.of(key.roomId(), key.userId(), seq))));
			}
		}
		try {
			this.channels.publish(events);
		}
		catch (RuntimeException ex) {
			// read events are a convenience: positions are stored and in GET /api/rooms
			log.warn("Could not publish {} read events: {}", events.size(), ex.toString());
		}
	}

	private record Key(UUID roomId, UUID userId) {
	}

}
