package com.cotalk.notification.push;

/** The push services a device can be reached through. */
public enum PushPlatform {

	FCM, APNS, WEBPUSH

}
