package com.cotalk.notification.device;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import org.junit.jupiter.api.Test;

import com.cotalk.common.error.ApiException;
import com.cotalk.notification.DeviceApiTests;

class DeviceValidationTests {

	static final String P256DH = DeviceApiTests.p256PublicKey();

	static final String AUTH = DeviceApiTests.base64url(new byte[16]);

	final DeviceValidation development = new DeviceValidation(true);

	@Test
	void allowsHttpOnALoopbackHostWhenTold() {
		for (String endpoint : new String[] { "http://127.0.0.1:9999/push", "http://localhost/push",
				"http://[::1]:8080/push", "HTTP://LOCALHOST/x", "https://push.example.com/x" }) {
			assertThat(this.development.check("b", request(endpoint)).address()).isEqualTo(endpoint);
		}
		for (String endpoint : new String[] { "http://10.0.0.1/x", "http://localhost.example.com/x",
				"http://127.0.0.1.example.com/x", "file:///tmp/x", "ws://localhost/x" }) {
			assertThatExceptionOfType(ApiException.class).as(endpoint)
				.isThrownBy(() -> this.development.check("b", request(endpoint)))
				.satisfies((ex) -> assertThat(ex.violations()).extracting((v) -> v.field())
					.containsExactly("subscription.endpoint"));
		}
	}

	@Test
	void aBrowserKeyMustBeAPointOnP256() {
		byte[] point = java.util.Base64.getUrlDecoder().decode(P256DH);
		assertThat(DeviceValidation.isP256Point(point)).isTrue();
		point[64] ^= 1;
		assertThat(DeviceValidation.isP256Point(point)).isFalse();
		byte[] infinityLike = new byte[65];
		infinityLike[0] = 4;
		assertThat(DeviceValidation.isP256Point(infinityLike)).isFalse();
	}

	private static RegisterDeviceRequest request(String endpoint) {
		return new RegisterDeviceRequest("WEBPUSH", null,
				new RegisterDeviceRequest.Subscription(endpoint, new RegisterDeviceRequest.Keys(P256DH, AUTH)));
	}

}
