package com.cotalk.notification.inbox;

import java.util.UUID;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import com.cotalk.common.security.AuthenticatedUser;

@RestController
@RequestMapping("/api/notifications")
class NotificationController {

	private final NotificationService notifications;

	NotificationController(NotificationService notifications) {
		this.notifications = notifications;
	}

	/** The caller's notifications, newest first; {@code before} pages to older ones. */
	@GetMapping
	NotificationPageResponse listNotifications(AuthenticatedUser caller,
			@RequestParam(required = false) @Nullable UUID before,
			@RequestParam(defaultValue = "50") @Min(1) @Max(100) int limit) {
		return NotificationPageResponse.from(this.notifications.listNotifications(caller.id(), before, limit));
	}

	@PostMapping("/{notificationId}/read")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	void markRead(AuthenticatedUser caller, @PathVariable String notificationId) {
		this.notifications.markRead(caller.id(), notificationId);
	}

}
