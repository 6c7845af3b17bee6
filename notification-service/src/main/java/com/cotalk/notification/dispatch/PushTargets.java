package com.cotalk.notification.dispatch;

import java.util.Objects;

import com.cotalk.notification.device.Device;
import com.cotalk.notification.device.WebPushSubscription;
import com.cotalk.notification.push.PushTarget;

/** A registered device as the push providers address it. */
final class PushTargets {

	private PushTargets() {
	}

	static PushTarget of(Device device) {
		return switch (device.platform()) {
			case FCM -> PushTarget.fcm(device.deviceId(), device.userId(), Objects.requireNonNull(device.token()));
			case APNS -> PushTarget.apns(device.deviceId(), device.userId(), Objects.requireNonNull(device.token()));
			case WEBPUSH -> {
				WebPushSubscription subscription = Objects.requireNonNull(device.subscription());
				yield PushTarget.webPush(device.deviceId(), device.userId(), subscription.endpoint(),
						subscription.p256dh(), subscription.auth());
			}
		};
	}

}
