package com.cotalk.notification.push;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import com.google.auth.oauth2.GoogleCredentials;
import com.google.auth.oauth2.ServiceAccountCredentials;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * FCM HTTP v1: {@code POST /v1/projects/{project}/messages:send} with an OAuth2 access
 * token of the service account (google-auth-library signs the JWT-bearer assertion, posts
 * it to the account's {@code token_uri} and caches the token until shortly before it
 * expires).
 */
final class FcmProvider implements PushProvider {

	static final String SCOPE = "https://www.googleapis.com/auth/firebase.messaging";

	private static final JsonMapper json = JsonMapper.builder().build();

	private final GoogleCredentials credentials;

	private final URI sendUrl;

	private final HttpClient http;

	private final Duration ttl;

	private final Duration timeout;

	FcmProvider(GoogleCredentials credentials, String projectId, URI baseUrl, HttpClient http, Duration ttl,
			Duration timeout) {
		this.credentials = credentials;
		this.sendUrl = baseUrl.resolve("/v1/projects/" + projectId + "/messages:send");
		this.http = http;
		this.ttl = ttl;
		this.timeout = timeout;
	}

	static FcmProvider fromServiceAccount(Path file, URI baseUrl, HttpClient http, Duration ttl, Duration timeout) {
		try (InputStream in = Files.newInputStream(file)) {
			ServiceAccountCredentials account = ServiceAccountCredentials.fromStream(in);
			String projectId = account.getProjectId();
			if (projectId == null) {
				throw new IllegalStateException("the FCM service account file has no project_id");
			}
			return new FcmProvider(account.createScoped(List.of(SCOPE)), projectId, baseUrl, http, ttl, timeout);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("cannot read the FCM service account file " + file, ex);
		}
	}

	@Override
	public PushPlatform platform() {
		return PushPlatform.FCM;
	}

	@Override
	public PushOutcome send(PushTarget target, PushMessage message) {
		byte[] body = body(Objects.requireNonNull(target.token()), message);
		PushOutcome outcome = send(body, false);
		if (outcome instanceof PushOutcome.Retry(String reason, var after) && reason.equals("UNAUTHENTICATED")) {
			return send(body, true);
		}
		return outcome;
	}

	private PushOutcome send(byte[] body, boolean newAccessToken) {
		String accessToken;
		try {
			if (newAccessToken) {
				this.credentials.refresh();
			}
			else {
				this.credentials.refreshIfExpired();
			}
			accessToken = this.credentials.getAccessToken().getTokenValue();
		}
		catch (IOException ex) {
			return new PushOutcome.Retry("no OAuth2 access token: " + ex.getClass().getSimpleName(), null);
		}
		HttpRequest request = HttpRequest.newBuilder(this.sendUrl)
			.timeout(this.timeout)
			.header("Authorization", "Bearer " + accessToken)
			.header("Content-Type", "application/json; charset=UTF-8")
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
		String code = errorCode(response.body(), status);
		if (code.equals("UNREGISTERED") || (status == 404 && code.equals("NOT_FOUND"))) {
			return new PushOutcome.Gone(code);
		}
		if (status == 401 && !code.equals("THIRD_PARTY_AUTH_ERROR")) {
			// our access token was refused: a fresh one is tried once (see send)
			return new PushOutcome.Retry("UNAUTHENTICATED", null);
		}
		if (PushHttp.isTransient(status)) {
			return PushHttp.retry(response, code);
		}
		return new PushOutcome.Failed(code);
	}

	/**
	 * The FcmError {@code errorCode} of the error's details (UNREGISTERED,
	 * INVALID_ARGUMENT, ...), else the error's {@code status}.
	 */
	private static String errorCode(String body, int status) {
		try {
			JsonNode error = json.readTree(body).path("error");
			for (JsonNode detail : error.path("details")) {
				if (detail.path("errorCode").isString()) {
					return detail.path("errorCode").asString();
				}
			}
			return error.path("status").isString() ? error.path("status").asString() : "status " + status;
		}
		catch (JacksonException ex) {
			return "status " + status;
		}
	}

	private byte[] body(String token, PushMessage message) {
		String roomId = message.roomId().toString();
		Map<String, Object> android = new LinkedHashMap<>();
		android.put("priority", "HIGH");
		android.put("collapse_key", roomId);
		android.put("ttl", this.ttl.toSeconds() + "s");
		android.put("notification", Map.of("tag", roomId));
		Map<String, Object> fcmMessage = new LinkedHashMap<>();
		fcmMessage.put("token", token);
		fcmMessage.put("notification", Map.of("title", message.title(), "body", message.body()));
		fcmMessage.put("data", message.fields());
		fcmMessage.put("android", android);
		return json.writeValueAsBytes(Map.of("message", fcmMessage));
	}

}
