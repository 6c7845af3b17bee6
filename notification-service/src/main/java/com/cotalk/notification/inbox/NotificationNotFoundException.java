package com.cotalk.notification.inbox;

import org.springframework.http.HttpStatus;

import com.cotalk.common.error.ApiException;

/** Also for another user's notification: whether it exists is not theirs to know. */
class NotificationNotFoundException extends ApiException {

	NotificationNotFoundException() {
		super(HttpStatus.NOT_FOUND, "NOTIFICATION_NOT_FOUND", "No such notification.");
	}

}
