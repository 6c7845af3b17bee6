package com.cotalk.notification.device;

public enum Platform {

	FCM, APNS, WEBPUSH

}
