package com.cotalk.notification.push;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.Base64;
import java.util.Objects;

import com.interaso.webpush.VapidKeys;
import com.interaso.webpush.WebPush;

/**
 * Web Push: the payload encrypted for the subscription (RFC 8291, {@code aes128gcm}) and
 * signed for with VAPID (RFC 8292), posted to the subscription's endpoint (RFC 8030). The
 * cryptography is the {@code com.interaso:webpush} library's.
 */
final class WebPushProvider implements PushProvider {

	private final WebPush webPush;

	private final HttpClient http;

	private final boolean allowLoopbackHttp;

	private final Duration ttl;

	private final Duration timeout;

	WebPushProvider(VapidKeys keys, String subject, HttpClient http, boolean allowLoopbackHttp, Duration ttl,
			Duration timeout) {
		this.webPush = new WebPush(subject, keys);
		this.http = http;
		this.allowLoopbackHttp = allowLoopbackHttp;
		this.ttl = ttl;
		this.timeout = timeout;
	}

	@Override
	public PushPlatform platform() {
		return PushPlatform.WEBPUSH;
	}

	/** The VAPID public key as browsers take it ({@code applicationServerKey}). */
	String publicKey() {
		return Base64.getUrlEncoder()
			.withoutPadding()
			.encodeToString(this.webPush.getVapidKeys().getApplicationServerKey());
	}

	@Override
	public PushOutcome send(PushTarget target, PushMessage message) {
		URI endpoint;
		try {
			endpoint = new URI(Objects.requireNonNull(target.endpoint()));
		}
		catch (URISyntaxException ex) {
			return new PushOutcome.Failed("malformed endpoint");
		}
		String refusal = PushEndpoints.refusalResolved(endpoint, this.allowLoopbackHttp);
		if (refusal != null) {
			return new PushOutcome.Failed(refusal);
		}
		byte[] body;
		try {
			body = this.webPush.getBody(message.payload(), decode(Objects.requireNonNull(target.p256dh())),
					decode(Objects.requireNonNull(target.auth())));
		}
		catch (RuntimeException ex) {
			return new PushOutcome.Failed("malformed subscription keys");
		}
		HttpRequest.Builder request = HttpRequest.newBuilder(endpoint)
			.timeout(this.timeout)
			.POST(HttpRequest.BodyPublishers.ofByteArray(body));
		this.webPush.getHeaders(endpoint.toString(), (int) this.ttl.toSeconds(), topic(message), WebPush.Urgency.High)
			.forEach(request::header);
		PushHttp.Exchange exchange = PushHttp.send(this.http, request.build());
		return (exchange.response() != null) ? outcome(exchange.response())
				: Objects.requireNonNull(exchange.failure());
	}

	private static PushOutcome outcome(HttpResponse<String> response) {
		int status = response.statusCode();
		if (status >= 200 && status < 300) {
			return new PushOutcome.Delivered();
		}
		if (status == 404 || status == 410) {
			return new PushOutcome.Gone("push service answered " + status);
		}
		if (PushHttp.isTransient(status)) {
			return PushHttp.retry(response, "push service answered " + status);
		}
		return new PushOutcome.Failed("push service answered " + status);
	}

	/**
	 * Pushes of one room replace each other while the device is offline: the Topic header
	 * takes at most 32 base64url characters, the room id's 16 bytes make 22.
	 */
	private static String topic(PushMessage message) {
		ByteBuffer bytes = ByteBuffer.allocate(16)
			.putLong(message.roomId().getMostSignificantBits())
			.putLong(message.roomId().getLeastSignificantBits());
		return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes.array());
	}

	/** Subscriptions carry base64url; some clients send standard base64 or padding. */
	private static byte[] decode(String value) {
		return Base64.getUrlDecoder().decode(value.replace('+', '-').replace('/', '_').replace("=", ""));
	}

}
