package com.cotalk.notification.device;

/**
 * A browser's push subscription (RFC 8030/8291).
 *
 * @param endpoint the push service URL messages are posted to
 * @param p256dh the browser's P-256 public key, base64url of the 65-byte uncompressed
 * point
 * @param auth the 16-byte authentication secret, base64url
 */
public record WebPushSubscription(String endpoint, String p256dh, String auth) {
}
