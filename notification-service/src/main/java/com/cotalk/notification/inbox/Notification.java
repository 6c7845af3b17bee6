package com.cotalk.notification.inbox;

import java.time.Instant;
import java.util.UUID;

record Notification(UUID id, UUID userId, NotificationType type, NotificationData data, Instant createdAt,
		boolean read) {
}
