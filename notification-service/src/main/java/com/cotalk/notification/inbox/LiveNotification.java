package com.cotalk.notification.inbox;

import java.time.Instant;
import java.util.UUID;

/**
 * The {@code notification} event on {@code /user/queue/events}: events there are flat
 * objects typed by {@code type}, so the notification's own type travels as
 * {@code notificationType}.
 */
record LiveNotification(String type, UUID notificationId, NotificationType notificationType, Instant createdAt,
		boolean read, NotificationData data) {

	static LiveNotification of(Notification notification) {
		return new LiveNotification("notification", notification.id(), notification.type(), notification.createdAt(),
				notification.read(), notification.data());
	}

}
