package com.cotalk.notification.inbox;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;

import com.cotalk.notification.live.LiveEvents;

import tools.jackson.databind.json.JsonMapper;

/**
 * The inbox's use cases. A new notification is stored first and then sent live: the inbox
 * is the record, the live event a courtesy that a user without a session simply does not
 * get.
 */
@Service
public class NotificationService {

	private final NotificationRepository notifications;

	private final LiveEvents live;

	private final JsonMapper json;

	private final NotificationIds ids = new NotificationIds();

	NotificationService(NotificationRepository notifications, LiveEvents live, JsonMapper json) {
		this.notifications = notifications;
		this.live = live;
		this.json = json;
	}

	/**
	 * Stores the notification unless its dedupe key was stored before; true when it is
	 * new (and was sent live).
	 */
	public boolean notify(NewNotification notification) {
		Optional<Notification> stored = this.notifications.insert(this.ids.next(), notification,
				Instant.now().truncatedTo(ChronoUnit.MILLIS));
		stored.ifPresent((created) -> this.live.send(created.userId(),
				this.json.writeValueAsBytes(LiveNotification.of(created))));
		return stored.isPresent();
	}

	Page listNotifications(UUID userId, @Nullable UUID before, int limit) {
		List<Notification> found = this.notifications.findPage(userId, before, limit + 1);
		boolean hasMore = found.size() > limit;
		return new Page(hasMore ? found.subList(0, limit) : found, hasMore, this.notifications.countUnread(userId));
	}

	/** Idempotent; another user's or an unknown id is not found. */
	void markRead(UUID userId, String notificationId) {
		UUID id = parse(notificationId);
		if (id == null || !this.notifications.markRead(userId, id)) {
			throw new NotificationNotFoundException();
		}
	}

	private static @Nullable UUID parse(String id) {
		try {
			return UUID.fromString(id);
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
	}

	record Page(List<Notification> items, boolean hasMore, long unreadCount) {
	}

}
