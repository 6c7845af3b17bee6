package com.cotalk.notification.push;

import java.util.Objects;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * One registered device as a provider needs it.
 *
 * @param platform the push service
 * @param deviceId the client's id of the device (for logs and removal)
 * @param userId whose device it is
 * @param token the FCM registration token or APNs device token ({@code null} for Web
 * Push)
 * @param endpoint the Web Push subscription's push service URL
 * @param p256dh the subscription's public key (base64url, uncompressed P-256 point)
 * @param auth the subscription's authentication secret (base64url, 16 bytes)
 */
public record PushTarget(PushPlatform platform, String deviceId, UUID userId, @Nullable String token,
		@Nullable String endpoint, @Nullable String p256dh, @Nullable String auth) {

	public PushTarget {
		Objects.requireNonNull(platform, "platform");
		Objects.requireNonNull(deviceId, "deviceId");
		Objects.requireNonNull(userId, "userId");
		boolean complete = switch (platform) {
			case FCM, APNS -> token != null;
			case WEBPUSH -> endpoint != null && p256dh != null && auth != null;
		};
		if (!complete) {
			throw new IllegalArgumentException("incomplete " + platform + " push target " + deviceId);
		}
	}

	public static PushTarget fcm(String deviceId, UUID userId, String token) {
		return new PushTarget(PushPlatform.FCM, deviceId, userId, token, null, null, null);
	}

	public static PushTarget apns(String deviceId, UUID userId, String token) {
		return new PushTarget(PushPlatform.APNS, deviceId, userId, token, null, null, null);
	}

	public static PushTarget webPush(String deviceId, UUID userId, String endpoint, String p256dh, String auth) {
		return new PushTarget(PushPlatform.WEBPUSH, deviceId, userId, null, endpoint, p256dh, auth);
	}

	@Override
	public String toString() {
		// tokens and endpoints are credentials of the device: never in logs
		return "PushTarget[" + this.platform + ", deviceId=" + this.deviceId + ", userId=" + this.userId + "]";
	}

}
