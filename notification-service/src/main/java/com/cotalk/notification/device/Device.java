package com.cotalk.notification.device;

import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * A registered device of a user.
 *
 * @param token the FCM or APNs token (null for Web Push)
 * @param subscription the Web Push subscription (null for FCM and APNs)
 */
public record Device(UUID userId, String deviceId, Platform platform, @Nullable String token,
		@Nullable WebPushSubscription subscription, Instant registeredAt) {

	/** The token or the endpoint: what one device of one user owns. */
	String address() {
		return (this.subscription != null) ? this.subscription.endpoint() : String.valueOf(this.token);
	}

}
