package com.cotalk.notification.device;

import java.math.BigInteger;
import java.net.URI;
import java.net.URISyntaxException;
import java.security.AlgorithmParameters;
import java.security.GeneralSecurityException;
import java.security.spec.ECFieldFp;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.ECParameterSpec;
import java.security.spec.EllipticCurve;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;

import com.cotalk.common.error.ApiException;
import com.cotalk.common.error.ErrorCode;
import com.cotalk.common.error.FieldViolation;
import com.cotalk.notification.push.PushEndpoints;

/**
 * Checks a device registration field by field and reports every violation at once. A Web
 * Push subscription must be usable as it stands: an absolute {@code https} endpoint (or,
 * where allowed for development, {@code http} on a loopback host; never another scheme),
 * a browser key that is a point of P-256 and a 16-byte secret.
 */
final class DeviceValidation {

	static final int MAX_TOKEN_LENGTH = 1024;

	static final int MAX_ENDPOINT_LENGTH = 2048;

	private static final Pattern DEVICE_ID = Pattern.compile("[A-Za-z0-9._-]{1,128}");

	/** Printable ASCII without spaces: what FCM and APNs tokens consist of. */
	private static final Pattern TOKEN = Pattern.compile("[\\x21-\\x7E]+");

	private static final EllipticCurve P256 = p256();

	private final boolean allowLoopbackHttp;

	DeviceValidation(boolean allowLoopbackHttp) {
		this.allowLoopbackHttp = allowLoopbackHttp;
	}

	void checkDeviceId(String deviceId) {
		if (!DEVICE_ID.matcher(deviceId).matches()) {
			throw invalid(List.of(new FieldViolation("deviceId", "must be 1 to 128 of A-Z a-z 0-9 . _ -")));
		}
	}

	/** The registration as stored; throws 400 {@code VALIDATION_FAILED} otherwise. */
	Registration check(String deviceId, RegisterDeviceRequest request) {
		checkDeviceId(deviceId);
		List<FieldViolation> violations = new ArrayList<>();
		Platform platform = platform(request.platform(), violations);
		Registration registration = null;
		if (platform == Platform.WEBPUSH) {
			WebPushSubscription subscription = subscription(request.subscription(), violations);
			registration = (subscription != null) ? new Registration(platform, subscription.endpoint(), subscription)
					: null;
		}
		else if (platform != null) {
			String token = token(request.token(), violations);
			registration = (token != null) ? new Registration(platform, token, null) : null;
		}
		if (!violations.isEmpty() || registration == null) {
			throw invalid(violations);
		}
		return registration;
	}

	private static @Nullable Platform platform(@Nullable String platform, List<FieldViolation> violations) {
		for (Platform known : Platform.values()) {
			if (known.name().equals(platform)) {
				return known;
			}
		}
		violations.add(new FieldViolation("platform", "must be one of FCM, APNS, WEBPUSH"));
		return null;
	}

	private static @Nullable String token(@Nullable String token, List<FieldViolation> violations) {
		if (token == null || token.isBlank()) {
			violations.add(new FieldViolation("token", "must not be blank"));
			return null;
		}
		if (token.length() > MAX_TOKEN_LENGTH) {
			violations.add(new FieldViolation("token", "must be at most " + MAX_TOKEN_LENGTH + " characters"));
			return null;
		}
		if (!TOKEN.matcher(token).matches()) {
			violations.add(new FieldViolation("token", "must be printable ASCII without spaces"));
			return null;
		}
		return token;
	}

	private @Nullable WebPushSubscription subscription(RegisterDeviceRequest.@Nullable Subscription subscription,
			List<FieldViolation> violations) {
		if (subscription == null) {
			violations.add(new FieldViolation("subscription", "must be given for WEBPUSH"));
			return null;
		}
		int before = violations.size();
		String endpoint = subscription.endpoint();
		if (endpoint == null || !usableEndpoint(endpoint)) {
			violations.add(new FieldViolation("subscription.endpoint", this.allowLoopbackHttp
					? "must be an absolute https URL (or http on a loopback host)" : "must be an absolute https URL"));
		}
		RegisterDeviceRequest.Keys keys = subscription.keys();
		String p256dh = (keys != null) ? keys.p256dh() : null;
		String auth = (keys != null) ? keys.auth() : null;
		if (!isP256Point(decode(p256dh))) {
			violations.add(new FieldViolation("subscription.keys.p256dh",
					"must be base64url of an uncompressed P-256 public key (65 bytes)"));
		}
		byte[] secret = decode(auth);
		if (secret == null || secret.length != 16) {
			violations.add(new FieldViolation("subscription.keys.auth", "must be base64url of 16 bytes"));
		}
		return (violations.size() == before && endpoint != null && p256dh != null && auth != null)
				? new WebPushSubscription(endpoint, p256dh, auth) : null;
	}

	private boolean usableEndpoint(String endpoint) {
		if (endpoint.length() > MAX_ENDPOINT_LENGTH) {
			return false;
		}
		URI uri;
		try {
			uri = new URI(endpoint);
		}
		catch (URISyntaxException ex) {
			return false;
		}
		if (!uri.isAbsolute() || uri.isOpaque() || uri.getHost() == null || uri.getRawUserInfo() != null) {
			return false;
		}
		// literals of internal addresses are refused here; host names are resolved and
		// checked before each push, as what they resolve to may change
		return PushEndpoints.refusal(uri, this.allowLoopbackHttp) == null;
	}

	private static byte @Nullable [] decode(@Nullable String base64url) {
		if (base64url == null || base64url.isEmpty()) {
			return null;
		}
		try {
			return Base64.getUrlDecoder().decode(base64url);
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
	}

	/** {@code 0x04 || x || y} with {@code y² = x³ + ax + b (mod p)}. */
	static boolean isP256Point(byte @Nullable [] key) {
		if (key == null || key.length != 65 || key[0] != 0x04) {
			return false;
		}
		BigInteger p = ((ECFieldFp) P256.getField()).getP();
		BigInteger x = new BigInteger(1, key, 1, 32);
		BigInteger y = new BigInteger(1, key, 33, 32);
		if (x.compareTo(p) >= 0 || y.compareTo(p) >= 0) {
			return false;
		}
		BigInteger right = x.pow(3).add(P256.getA().multiply(x)).add(P256.getB()).mod(p);
		return y.pow(2).mod(p).equals(right);
	}

	private static ApiException invalid(List<FieldViolation> violations) {
		return new ApiException(HttpStatus.BAD_REQUEST, ErrorCode.VALIDATION_FAILED, "The request is not valid.",
				violations, null);
	}

	private static EllipticCurve p256() {
		try {
			AlgorithmParameters parameters = AlgorithmParameters.getInstance("EC");
			parameters.init(new ECGenParameterSpec("secp256r1"));
			return parameters.getParameterSpec(ECParameterSpec.class).getCurve();
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("The JDK lacks P-256", ex);
		}
	}

	/**
	 * @param address the token, or the endpoint
	 */
	record Registration(Platform platform, String address, @Nullable WebPushSubscription subscription) {
	}

}
