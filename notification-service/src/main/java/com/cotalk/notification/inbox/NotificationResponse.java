package com.cotalk.notification.inbox;

import java.time.Instant;
import java.util.UUID;

record NotificationResponse(UUID notificationId, NotificationType type, Instant createdAt, boolean read,
		NotificationData data) {

	static NotificationResponse from(Notification notification) {
		return new NotificationResponse(notification.id(), notification.type(), notification.createdAt(),
				notification.read(), notification.data());
	}

}
