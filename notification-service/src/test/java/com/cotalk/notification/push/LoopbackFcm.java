package com.cotalk.notification.push;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.PublicKey;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.jsonwebtoken.Claims;
import io.jsonwebtoken.Jws;
import io.jsonwebtoken.JwtException;
import io.jsonwebtoken.Jwts;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Google's side of FCM HTTP v1 on loopback: the OAuth2 token endpoint (RFC 7523 JWT
 * bearer grant, the assertion checked against the service account's public key) and
 * {@code messages:send}, which takes only access tokens it issued and answers per
 * registration token as the test chose, with FCM's error bodies.
 */
final class LoopbackFcm implements AutoCloseable {

	static final String PROJECT = "cotalk-test";

	static final String CLIENT_EMAIL = "push@cotalk-test.iam.gserviceaccount.com";

	/**
	 * The assertion's audience is Google's token endpoint whatever {@code token_uri} says
	 * (google-auth-library and Google's endpoint agree on it).
	 */
	static final String GOOGLE_TOKEN_AUDIENCE = "https://oauth2.googleapis.com/token";

	private final HttpServer server;

	private final PublicKey accountKey;

	private final AtomicInteger tokensIssued = new AtomicInteger();

	private final Set<String> validTokens = ConcurrentHashMap.newKeySet();

	private final List<JsonNode> messages = new CopyOnWriteArrayList<>();

	private final Map<String, Answer> answers = new ConcurrentHashMap<>();

	LoopbackFcm(PublicKey accountKey) throws IOException {
		this.accountKey = accountKey;
		this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
		this.server.createContext("/token", this::token);
		this.server.createContext("/v1/projects/" + PROJECT + "/messages:send", this::send);
		this.server.start();
	}

	String baseUrl() {
		return "http://127.0.0.1:" + this.server.getAddress().getPort();
	}

	String tokenUri() {
		return baseUrl() + "/token";
	}

	int tokensIssued() {
		return this.tokensIssued.get();
	}

	List<JsonNode> messages() {
		return this.messages;
	}

	/** Access tokens issued so far stop working, as after a key rotation. */
	void revokeAccessTokens() {
		this.validTokens.clear();
	}

	void answer(String registrationToken, Answer answer) {
		this.answers.put(registrationToken, answer);
	}

	private void token(HttpExchange exchange) throws IOException {
		try (exchange; InputStream in = exchange.getRequestBody()) {
			Map<String, String> form = Arrays.stream(new String(in.readAllBytes(), StandardCharsets.UTF_8).split("&"))
				.map((pair) -> pair.split("=", 2))
				.collect(Collectors.toMap((pair) -> pair[0],
						(pair) -> URLDecoder.decode(pair[1], StandardCharsets.UTF_8)));
			if (!"urn:ietf:params:oauth:grant-type:jwt-bearer".equals(form.get("grant_type"))
					|| !validAssertion(form.get("assertion"))) {
				respond(exchange, 400, "{\"error\":\"invalid_grant\"}", Map.of());
				return;
			}
			String accessToken = "ya29.test-" + this.tokensIssued.incrementAndGet();
			this.validTokens.add(accessToken);
			respond(exchange, 200,
					"{\"access_token\":\"" + accessToken + "\",\"expires_in\":3599,\"token_type\":\"Bearer\"}",
					Map.of());
		}
	}

	private boolean validAssertion(String assertion) {
		try {
			Jws<Claims> jws = Jwts.parser().verifyWith(this.accountKey).build().parseSignedClaims(assertion);
			Claims claims = jws.getPayload();
			return jws.getHeader().getAlgorithm().equals("RS256") && CLIENT_EMAIL.equals(claims.getIssuer())
					&& claims.getAudience().contains(GOOGLE_TOKEN_AUDIENCE)
					&& FcmProvider.SCOPE.equals(claims.get("scope", String.class))
					&& claims.getExpiration().getTime() - claims.getIssuedAt().getTime() <= 3_600_000;
		}
		catch (JwtException ex) {
			return false;
		}
	}

	private void send(HttpExchange exchange) throws IOException {
		try (exchange; InputStream in = exchange.getRequestBody()) {
			String authorization = exchange.getRequestHeaders().getFirst("Authorization");
			if (authorization == null || !authorization.startsWith("Bearer ")
					|| !this.validTokens.contains(authorization.substring(7))) {
				respond(exchange, 401, error(401, "UNAUTHENTICATED", null), Map.of());
				return;
			}
			JsonNode message = JsonMapper.shared().readTree(in.readAllBytes()).path("message");
			this.messages.add(message);
			Answer answer = this.answers.getOrDefault(message.path("token").asString(), Answer.OK);
			String body = (answer.status() == 200) ? "{\"name\":\"projects/" + PROJECT + "/messages/0:1\"}"
					: error(answer.status(), answer.apiStatus(), answer.errorCode());
			respond(exchange, answer.status(), body, answer.headers());
		}
	}

	private static String error(int code, String status, @Nullable String errorCode) {
		String details = (errorCode == null) ? "[]"
				: "[{\"@type\":\"type.googleapis.com/google.firebase.fcm.v1.FcmError\",\"errorCode\":\"" + errorCode
						+ "\"}]";
		return "{\"error\":{\"code\":" + code + ",\"message\":\"test\",\"status\":\"" + status + "\",\"details\":"
				+ details + "}}";
	}

	private static void respond(HttpExchange exchange, int status, String body, Map<String, String> headers)
			throws IOException {
		byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
		exchange.getResponseHeaders().add("Content-Type", "application/json; charset=UTF-8");
		headers.forEach(exchange.getResponseHeaders()::add);
		exchange.sendResponseHeaders(status, bytes.length);
		exchange.getResponseBody().write(bytes);
	}

	@Override
	public void close() {
		this.server.stop(0);
	}

	/** An FCM error: HTTP status, Google API status and the FcmError code. */
	record Answer(int status, String apiStatus, @Nullable String errorCode, Map<String, String> headers) {

		static final Answer OK = new Answer(200, "OK", null, Map.of());

	}

}
