package com.cotalk.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.security.KeyPairGenerator;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.cotalk.notification.device.Device;
import com.cotalk.notification.device.DeviceService;
import com.cotalk.notification.device.Platform;
import com.cotalk.testsupport.ApiClient;

/**
 * Device registration through the API; what is stored is read back the way push delivery
 * reads it.
 */
public class DeviceApiTests extends NotificationTestSupport {

	static final String P256DH = p256PublicKey();

	static final String AUTH = base64url(new byte[16]);

	@Autowired
	DeviceService devices;

	@Test
	void registersReplacesAndRemovesADevice() {
		TestUser me = user("Device Owner");
		assertThat(register(me, "phone-1", Map.of("platform", "FCM", "token", "fcm-token-1")).status()).isEqualTo(204);
		assertThat(register(me, "phone-1", Map.of("platform", "APNS", "token", "abcdef0123")).status()).isEqualTo(204);
		assertThat(register(me, "browser.main", webPush("https://push.example.com/send/abc", P256DH, AUTH)).status())
			.isEqualTo(204);

		assertThat(this.devices.devicesOf(me.id())).satisfiesExactly((browser) -> {
			assertThat(browser.deviceId()).isEqualTo("browser.main");
			assertThat(browser.platform()).isEqualTo(Platform.WEBPUSH);
			assertThat(browser.subscription().endpoint()).isEqualTo("https://push.example.com/send/abc");
			assertThat(browser.subscription().p256dh()).isEqualTo(P256DH);
			assertThat(browser.subscription().auth()).isEqualTo(AUTH);
		}, (phone) -> {
			assertThat(phone.deviceId()).isEqualTo("phone-1");
			assertThat(phone.platform()).isEqualTo(Platform.APNS);
			assertThat(phone.token()).isEqualTo("abcdef0123");
		});

		assertThat(this.api.delete("/api/notifications/devices/phone-1", me.token()).status()).isEqualTo(204);
		assertThat(this.api.delete("/api/notifications/devices/phone-1", me.token()).status()).as("idempotent")
			.isEqualTo(204);
		assertThat(this.devices.devicesOf(me.id())).extracting(Device::deviceId).containsExactly("browser.main");
	}

	@Test
	void aUserMayRegisterTenDevices() {
		TestUser me = user("Collector");
		for (int i = 0; i < 10; i++) {
			assertThat(
					register(me, "device-" + i, Map.of("platform", "FCM", "token", "t-" + java.util.UUID.randomUUID()))
						.status())
				.isEqualTo(204);
		}
		ApiClient.Response eleventh = register(me, "device-10",
				Map.of("platform", "FCM", "token", "t-" + java.util.UUID.randomUUID()));
		assertProblem(eleventh, 409, "TOO_MANY_DEVICES");
		assertThat(register(me, "device-3", Map.of("platform", "APNS", "token", "abcdef0123")).status())
			.as("a registered device may be registered again")
			.isEqualTo(204);
		assertThat(this.devices.devicesOf(me.id())).hasSize(10);
	}

	@Test
	void refusesPushEndpointsInsideTheNetwork() {
		TestUser me = user("Prober");
		for (String endpoint : java.util.List.of("https://10.0.0.1/p", "https://100.64.0.1/p", "https://[fd00::1]/p",
				"https://[::ffff:192.168.0.1]/p", "https://169.254.169.254/latest")) {
			assertProblem(register(me, "browser", webPush(endpoint, P256DH, AUTH)), 400, "VALIDATION_FAILED");
		}
		assertThat(this.devices.devicesOf(me.id())).isEmpty();
	}

	@Test
	void aTokenRegisteredByAnotherUserMovesToThem() {
		TestUser first = user("First");
		TestUser second = user("Second");
		String token = "shared-" + java.util.UUID.randomUUID();
		register(first, "phone", Map.of("platform", "FCM", "token", token));
		register(second, "phone", Map.of("platform", "FCM", "token", token));

		assertThat(this.devices.devicesOf(first.id())).isEmpty();
		assertThat(this.devices.devicesOf(second.id())).extracting(Device::token).containsExactly(token);
		assertThat(this.api.delete("/api/notifications/devices/phone", first.token()).status()).isEqualTo(204);
		assertThat(this.devices.devicesOf(second.id())).as("not first's to remove").hasSize(1);
	}

	@Test
	void pushDeliveryRemovesADeviceReportedGoneUnlessItWasRegisteredAgain() {
		TestUser me = user("Gone");
		register(me, "phone", Map.of("platform", "FCM", "token", "old-" + java.util.UUID.randomUUID()));
		Device old = this.devices.devicesOf(me.id()).get(0);
		register(me, "phone", Map.of("platform", "FCM", "token", "new-" + java.util.UUID.randomUUID()));
		assertThat(this.devices.removeGoneDevice(old)).isFalse();
		assertThat(this.devices.devicesOf(me.id())).hasSize(1);
		assertThat(this.devices.removeGoneDevice(this.devices.devicesOf(me.id()).get(0))).isTrue();
		assertThat(this.devices.devicesOf(me.id())).isEmpty();
	}

	@Test
	void rejectsUnknownPlatformsAndBadTokens() {
		TestUser me = user("Validator");
		assertValidationFailed(register(me, "d", Map.of("platform", "SMS", "token", "t")), "platform");
		assertValidationFailed(register(me, "d", Map.of("token", "t")), "platform");
		assertValidationFailed(register(me, "d", Map.of("platform", "FCM")), "token");
		assertValidationFailed(register(me, "d", Map.of("platform", "FCM", "token", "  ")), "token");
		assertValidationFailed(register(me, "d", Map.of("platform", "APNS", "token", "x".repeat(1025))), "token");
		assertValidationFailed(register(me, "d", Map.of("platform", "APNS", "token", "has space")), "token");
		assertValidationFailed(register(me, "bad!id", Map.of("platform", "FCM", "token", "t")), "deviceId");
		assertValidationFailed(register(me, "x".repeat(129), Map.of("platform", "FCM", "token", "t")), "deviceId");
		assertValidationFailed(this.api.delete("/api/notifications/devices/bad%20id", me.token()), "deviceId");
		assertThat(this.devices.devicesOf(me.id())).isEmpty();
	}

	@Test
	void rejectsMalformedWebPushSubscriptions() {
		TestUser me = user("Web Validator");
		assertValidationFailed(register(me, "b", Map.of("platform", "WEBPUSH")), "subscription");
		for (String endpoint : new String[] { "http://push.example.com/x", "ftp://push.example.com/x",
				"file:///etc/passwd", "/relative/path", "https://", "https://user:pw@push.example.com/x",
				"http://10.0.0.1/x", "not a url" }) {
			assertValidationFailed(register(me, "b", webPush(endpoint, P256DH, AUTH)), "subscription.endpoint");
		}
		String offCurve = tamper(P256DH);
		String compressed = base64url(new byte[33]);
		for (String key : new String[] { offCurve, compressed, "not base64url!", P256DH.replace('-', '+') + "+" }) {
			assertValidationFailed(register(me, "b", webPush("https://push.example.com/x", key, AUTH)),
					"subscription.keys.p256dh");
		}
		assertValidationFailed(
				register(me, "b", webPush("https://push.example.com/x", P256DH, base64url(new byte[15]))),
				"subscription.keys.auth");
		assertValidationFailed(register(me, "b", webPush("https://push.example.com/x", P256DH, null)),
				"subscription.keys.auth");
		assertThat(this.devices.devicesOf(me.id())).isEmpty();
	}

	@Test
	void acceptsLoopbackHttpEndpointsOnlyWhereAllowed() {
		// the test context runs without the local profile: production rules
		TestUser me = user("Loopback");
		assertValidationFailed(register(me, "b", webPush("http://127.0.0.1:9999/push", P256DH, AUTH)),
				"subscription.endpoint");
		assertValidationFailed(register(me, "b", webPush("http://localhost/push", P256DH, AUTH)),
				"subscription.endpoint");
	}

	private ApiClient.Response register(TestUser user, String deviceId, Map<String, ?> body) {
		return this.api.put("/api/notifications/devices/" + deviceId, user.token(), body);
	}

	static Map<String, Object> webPush(String endpoint, String p256dh, @Nullable String auth) {
		Map<String, Object> keys = new LinkedHashMap<>();
		keys.put("p256dh", p256dh);
		keys.put("auth", auth);
		Map<String, Object> subscription = new LinkedHashMap<>();
		subscription.put("endpoint", endpoint);
		subscription.put("keys", keys);
		return Map.of("platform", "WEBPUSH", "subscription", subscription);
	}

	public static String p256PublicKey() {
		try {
			KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
			generator.initialize(new ECGenParameterSpec("secp256r1"));
			ECPublicKey key = (ECPublicKey) generator.generateKeyPair().getPublic();
			byte[] point = new byte[65];
			point[0] = 0x04;
			copy(key.getW().getAffineX(), point, 1);
			copy(key.getW().getAffineY(), point, 33);
			return base64url(point);
		}
		catch (java.security.GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static void copy(BigInteger value, byte[] into, int offset) {
		byte[] bytes = value.toByteArray();
		int length = Math.min(bytes.length, 32);
		System.arraycopy(bytes, bytes.length - length, into, offset + 32 - length, length);
	}

	/** The same x with another y: 65 bytes, 0x04, but off the curve. */
	private static String tamper(String key) {
		byte[] point = Base64.getUrlDecoder().decode(key);
		point[64] ^= 0x01;
		return base64url(point);
	}

	public static String base64url(byte[] bytes) {
		return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
	}

}
