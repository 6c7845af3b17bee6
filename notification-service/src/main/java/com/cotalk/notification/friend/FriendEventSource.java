package com.cotalk.notification.friend;

import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import com.cotalk.common.events.EventStreams;
import com.cotalk.common.events.FriendEvent;
import com.cotalk.notification.inbox.NewNotification;
import com.cotalk.notification.inbox.NotificationService;
import com.cotalk.notification.stream.BadEntryException;
import com.cotalk.notification.stream.StreamSource;
import com.cotalk.notification.stream.StreamSubscription;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code FRIEND_REQUEST_CREATED}: a {@code FRIEND_REQUEST} for the addressee;
 * {@code FRIEND_REQUEST_ACCEPTED}: a {@code FRIEND_ACCEPTED} for the requester. Other
 * types, and versions newer than this service knows, are passed over. The stream is read
 * from its beginning when the group is first made: it exists for notifications, and what
 * friend-service wrote before this service first ran is still news (a redelivered event
 * adds nothing).
 */
@Component
class FriendEventSource implements StreamSource {

	private static final Logger log = LoggerFactory.getLogger(FriendEventSource.class);

	private final NotificationService notifications;

	private final JsonMapper json;

	FriendEventSource(NotificationService notifications, JsonMapper json) {
		this.notifications = notifications;
		this.json = json;
	}

	@Override
	public List<StreamSubscription> subscriptions() {
		return List.of(new StreamSubscription(EventStreams.FRIENDS, StreamSubscription.Start.BEGINNING, this::handle));
	}

	void handle(String id, Map<String, String> fields) {
		String text = fields.get(EventStreams.PAYLOAD_FIELD);
		if (text == null) {
			throw new BadEntryException("no '" + EventStreams.PAYLOAD_FIELD + "' field");
		}
		JsonNode tree;
		FriendEvent event;
		try {
			tree = this.json.readTree(text);
			String type = tree.path("type").asString("");
			if (tree.path("version").asInt(0) > FriendEvent.VERSION
					|| !(type.equals("FRIEND_REQUEST_CREATED") || type.equals("FRIEND_REQUEST_ACCEPTED"))) {
				log.debug("Passing over friend event {} (type {}, version {})", id, type, tree.path("version"));
				return;
			}
			event = this.json.treeToValue(tree, FriendEvent.class);
		}
		catch (JacksonException ex) {
			throw new BadEntryException("not a friend event");
		}
		if (event.actorId() == null || event.otherId() == null || event.eventId() == null) {
			throw new BadEntryException("a friend event without actorId, otherId or eventId");
		}
		this.notifications.notify((event.type() == FriendEvent.Type.FRIEND_REQUEST_CREATED)
				? NewNotification.friendRequest(event.otherId(), event.actorId(), event.requestId(), event.eventId())
				: NewNotification.friendAccepted(event.otherId(), event.actorId(), event.requestId(), event.eventId()));
	}

}
