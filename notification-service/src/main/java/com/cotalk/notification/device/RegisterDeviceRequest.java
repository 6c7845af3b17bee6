package com.cotalk.notification.device;

import org.jspecify.annotations.Nullable;

/**
 * {@code {platform: "FCM"|"APNS", token}} or {@code {platform: "WEBPUSH", subscription:
 * {endpoint, keys: {p256dh, auth}}}}; checked by {@link DeviceValidation} so that every
 * mistake is reported by field.
 */
record RegisterDeviceRequest(@Nullable String platform, @Nullable String token, @Nullable Subscription subscription) {

	record Subscription(@Nullable String endpoint, @Nullable Keys keys) {
	}

	record Keys(@Nullable String p256dh, @Nullable String auth) {
	}

}
