package com.cotalk.notification.inbox;

import java.util.UUID;

import com.cotalk.common.ids.UuidV7;

/**
 * UUIDv7 ids that also grow within a millisecond in this process, so that two
 * notifications made in one millisecond list in the order they were made.
 */
final class NotificationIds {

	private UUID last = new UUID(0, 0);

	synchronized UUID next() {
		UUID id = UuidV7.next();
		if (compare(id, this.last) <= 0) {
			id = new UUID(this.last.getMostSignificantBits(), this.last.getLeastSignificantBits() + 1);
		}
		this.last = id;
		return id;
	}

	/** PostgreSQL's order: unsigned, byte by byte. */
	private static int compare(UUID one, UUID other) {
		int high = Long.compareUnsigned(one.getMostSignificantBits(), other.getMostSignificantBits());
		return (high != 0) ? high
				: Long.compareUnsigned(one.getLeastSignificantBits(), other.getLeastSignificantBits());
	}

}
