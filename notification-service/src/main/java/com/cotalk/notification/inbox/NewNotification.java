package com.cotalk.notification.inbox;

import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * A notification to store once. The dedupe key names what it is about and for whom, so
 * that the same event handled twice (a redelivered entry) stores it once.
 */
public record NewNotification(UUID userId, NotificationType type, String dedupeKey, NotificationData data) {

	/** {@code requestId} may be absent from an event; its own id then stands in. */
	public static NewNotification friendRequest(UUID to, UUID from, @Nullable UUID requestId, UUID eventId) {
		return new NewNotification(to, NotificationType.FRIEND_REQUEST,
				"friend-request:" + about(requestId, eventId) + ":" + to,
				new NotificationData(from, requestId, null, null, null));
	}

	public static NewNotification friendAccepted(UUID to, UUID by, @Nullable UUID requestId, UUID eventId) {
		return new NewNotification(to, NotificationType.FRIEND_ACCEPTED,
				"friend-accepted:" + about(requestId, eventId) + ":" + to,
				new NotificationData(by, requestId, null, null, null));
	}

	/**
	 * One per invitation event: invited again after leaving, a user hears of it again.
	 */
	public static NewNotification roomInvite(UUID to, UUID by, UUID roomId, @Nullable String roomName, UUID eventId) {
		return new NewNotification(to, NotificationType.ROOM_INVITE, "room-invite:" + eventId + ":" + to,
				new NotificationData(by, null, roomId, roomName, null));
	}

	public static NewNotification mention(UUID to, UUID sender, UUID roomId, long seq) {
		return new NewNotification(to, NotificationType.MENTION, "mention:" + roomId + ":" + seq + ":" + to,
				new NotificationData(sender, null, roomId, null, seq));
	}

	private static String about(@Nullable UUID requestId, UUID eventId) {
		return (requestId != null) ? requestId.toString() : "event-" + eventId;
	}

}
