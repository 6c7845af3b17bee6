package com.cotalk.notification.push;

import java.net.URI;
import java.time.Duration;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.StringUtils;

/**
 * @param allowLoopbackHttp whether Web Push endpoints may be {@code http} on a loopback
 * host (local development only)
 * @param push what all providers share
 * @param webpush VAPID
 * @param fcm Firebase Cloud Messaging (off without a service account)
 * @param apns Apple Push Notification service (off without a key)
 */
@ConfigurationProperties("cotalk.notification")
record PushProperties(@DefaultValue("false") boolean allowLoopbackHttp, @DefaultValue Push push,
		@DefaultValue WebPush webpush, @DefaultValue Fcm fcm, @DefaultValue Apns apns) {

	/**
	 * @param ttl how long a push service keeps a push for an offline device
	 * @param timeout connect and response timeout of every push request
	 */
	record Push(@DefaultValue("1d") Duration ttl, @DefaultValue("10s") Duration timeout) {
	}

	/**
	 * @param publicKey the VAPID public key, base64url of the uncompressed P-256 point
	 * (as {@code web-push generate-vapid-keys} prints it)
	 * @param privateKey the VAPID private key, base64url of the 32-byte scalar
	 * @param subject a {@code mailto:} or {@code https:} contact for push services
	 */
	record WebPush(@Nullable String publicKey, @Nullable String privateKey,
			@DefaultValue("mailto:push@cotalk.invalid") String subject) {

		boolean configured() {
			return StringUtils.hasText(this.publicKey) && StringUtils.hasText(this.privateKey);
		}

	}

	/**
	 * @param serviceAccountFile the Firebase service account JSON (its {@code project_id}
	 * names the project)
	 * @param baseUrl the FCM API
	 */
	record Fcm(@Nullable String serviceAccountFile, @DefaultValue("https://fcm.googleapis.com") URI baseUrl) {

		boolean configured() {
			return StringUtils.hasText(this.serviceAccountFile);
		}

	}

	/**
	 * @param teamId the Apple developer team (the token's {@code iss})
	 * @param keyId the id of the APNs auth key (the token's {@code kid})
	 * @param privateKeyFile the key's {@code .p8} file (PKCS#8 PEM)
	 * @param topic the app's bundle id
	 * @param baseUrl {@code https://api.push.apple.com} or the sandbox
	 * {@code https://api.sandbox.push.apple.com}
	 */
	record Apns(@Nullable String teamId, @Nullable String keyId, @Nullable String privateKeyFile,
			@Nullable String topic, @DefaultValue("https://api.push.apple.com") URI baseUrl) {

		boolean configured() {
			return StringUtils.hasText(this.teamId) && StringUtils.hasText(this.keyId)
					&& StringUtils.hasText(this.privateKeyFile) && StringUtils.hasText(this.topic);
		}

	}

}
