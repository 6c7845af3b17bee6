package com.cotalk.notification.room;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import com.cotalk.common.events.EventStreams;
import com.cotalk.common.events.RoomEvent;
import com.cotalk.notification.inbox.NewNotification;
import com.cotalk.notification.inbox.NotificationService;
import com.cotalk.notification.stream.BadEntryException;
import com.cotalk.notification.stream.StreamSource;
import com.cotalk.notification.stream.StreamSubscription;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code MEMBERS_INVITED}: a {@code ROOM_INVITE} for each invited user (never the
 * inviter). Other types and newer versions are passed over; read from the beginning when
 * the group is first made, as the friend events are.
 */
@Component
class RoomEventSource implements StreamSource {

	private static final Logger log = LoggerFactory.getLogger(RoomEventSource.class);

	private final NotificationService notifications;

	private final JsonMapper json;

	RoomEventSource(NotificationService notifications, JsonMapper json) {
		this.notifications = notifications;
		this.json = json;
	}

	@Override
	public List<StreamSubscription> subscriptions() {
		return List.of(new StreamSubscription(EventStreams.ROOMS, StreamSubscription.Start.BEGINNING, this::handle));
	}

	void handle(String id, Map<String, String> fields) {
		String text = fields.get(EventStreams.PAYLOAD_FIELD);
		if (text == null) {
			throw new BadEntryException("no '" + EventStreams.PAYLOAD_FIELD + "' field");
		}
		RoomEvent event;
		try {
			JsonNode tree = this.json.readTree(text);
			String type = tree.path("type").asString("");
			if (tree.path("version").asInt(0) > RoomEvent.VERSION || !type.equals("MEMBERS_INVITED")) {
				log.debug("Passing over room event {} (type {}, version {})", id, type, tree.path("version"));
				return;
			}
			event = this.json.treeToValue(tree, RoomEvent.class);
		}
		catch (JacksonException ex) {
			throw new BadEntryException("not a room event");
		}
		if (event.roomId() == null || event.actorId() == null || event.eventId() == null || event.userIds() == null) {
			throw new BadEntryException("a room event without roomId, actorId, eventId or userIds");
		}
		for (UUID invited : event.userIds()) {
			if (invited != null && !invited.equals(event.actorId())) {
				this.notifications.notify(NewNotification.roomInvite(invited, event.actorId(), event.roomId(),
						event.roomName(), event.eventId()));
			}
		}
	}

}
