package com.cotalk.notification.inbox;

import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * @param items newest first
 * @param hasMore whether older notifications follow
 * @param nextBefore the last item's id, to pass as {@code before} for the next page (null
 * without more)
 * @param unreadCount the user's unread notifications, all pages together
 */
record NotificationPageResponse(List<NotificationResponse> items, boolean hasMore, @Nullable UUID nextBefore,
		long unreadCount) {

	static NotificationPageResponse from(NotificationService.Page page) {
		List<NotificationResponse> items = page.items().stream().map(NotificationResponse::from).toList();
		UUID nextBefore = (page.hasMore() && !items.isEmpty()) ? items.getLast().notificationId() : null;
		return new NotificationPageResponse(items, page.hasMore(), nextBefore, page.unreadCount());
	}

}
