package com.cotalk.notification.push;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * APNs with token-based authentication over HTTP/2: {@code POST /3/device/{token}} with
 * an ES256 provider token, the alert and the payload's fields beside {@code aps}.
 */
final class ApnsProvider implements PushProvider {

	private static final Pattern DEVICE_TOKEN = Pattern.compile("[0-9a-fA-F]{16,200}");

	private static final JsonMapper json = JsonMapper.builder().build();

	private final ApnsProviderToken providerToken;

	private final String topic;

	private final URI baseUrl;

	private final HttpClient http;

	private final Duration ttl;

	private final Duration timeout;

	private final Clock clock;

	/** {@code http} must speak HTTP/2 (APNs accepts nothing else). */
	ApnsProvider(ApnsProviderToken providerToken, String topic, URI baseUrl, HttpClient http, Duration ttl,
			Duration timeout, Clock clock) {
		this.providerToken = providerToken;
		this.topic = topic;
		this.baseUrl = baseUrl;
		this.http = http;
		this.ttl = ttl;
		this.timeout = timeout;
		this.clock = clock;
	}

	@Override
	public PushPlatform platform() {
		return PushPlatform.APNS;
	}

	@Override
	public PushOutcome send(PushTarget target, PushMessage message) {
		String deviceToken = Objects.requireNonNull(target.token());
		if (!DEVICE_TOKEN.matcher(deviceToken).matches()) {
			return new PushOutcome.Gone("malformed APNs device token");
		}
		byte[] body = body(message);
		String token = this.providerToken.current();
		PushOutcome outcome = send(deviceToken, message, body, token);
		if (outcome instanceof PushOutcome.Retry(String reason, var after) && reason.equals("ExpiredProviderToken")) {
			return send(deviceToken, message, body, this.providerToken.renew(token));
		}
		return outcome;
	}

	private PushOutcome send(String deviceToken, PushMessage message, byte[] body, String providerToken) {
		HttpRequest request = HttpRequest.newBuilder(this.baseUrl.resolve("/3/device/" + deviceToken))
			.version(HttpClient.Version.HTTP_2)
			.timeout(this.timeout)
			.header("authorization", "bearer " + providerToken)
			.header("apns-topic", this.topic)
			.header("apns-push-type", "alert")
			.header("apns-priority", "10")
			.header("apns-expiration", Long.toString(this.clock.instant().plus(this.ttl).getEpochSecond()))
			.header("apns-collapse-id", message.roomId().toString())
			.POST(HttpRequest.BodyPublishers.ofByteArray(body))
			.build();
		PushHttp.Exchange exchange = PushHttp.send(this.http, request);
		return (exchange.response() != null) ? outcome(exchange.response())
				: Objects.requireNonNull(exchange.failure());
	}

	private static PushOutcome outcome(HttpResponse<String> response) {
		int status = response.statusCode();
		if (status == 200) {
			return new PushOutcome.Delivered();
		}
		String reason = reason(response.body(), status);
		if (status == 410 || (status == 400 && reason.equals("BadDeviceToken"))) {
			return new PushOutcome.Gone(reason);
		}
		if (PushHttp.isTransient(status) || (status == 403 && reason.equals("ExpiredProviderToken"))) {
			return PushHttp.retry(response, reason);
		}
		return new PushOutcome.Failed(reason);
	}

	/** APNs explains every error in {@code {"reason": "..."}}. */
	private static String reason(String body, int status) {
		try {
			JsonNode reason = json.readTree(body).path("reason");
			return reason.isString() ? reason.asString() : "status " + status;
		}
		catch (JacksonException ex) {
			return "status " + status;
		}
	}

	private static byte[] body(PushMessage message) {
		Map<String, Object> aps = new LinkedHashMap<>();
		aps.put("alert", Map.of("title", message.title(), "body", message.body()));
		aps.put("sound", "default");
		aps.put("thread-id", message.roomId().toString());
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("aps", aps);
		body.put("type", PushMessage.TYPE);
		body.put("roomId", message.roomId().toString());
		body.put("seq", message.seq());
		return json.writeValueAsBytes(body);
	}

}
