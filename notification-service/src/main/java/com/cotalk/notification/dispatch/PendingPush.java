package com.cotalk.notification.dispatch;

import java.util.List;
import java.util.UUID;

/**
 * A push waiting to go to one user for one room: the newest message's seq, title and
 * preview, how many messages it stands for, how many attempts were made and which devices
 * already have it.
 */
record PendingPush(UUID userId, UUID roomId, long seq, String title, String body, int count, int attempts,
		List<String> delivered) {

	PendingPush retried(List<String> deliveredNow) {
		return new PendingPush(this.userId, this.roomId, this.seq, this.title, this.body, this.count, this.attempts + 1,
				deliveredNow);
	}

}
