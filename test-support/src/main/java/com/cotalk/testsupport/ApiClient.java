package com.cotalk.testsupport;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.MissingNode;

/**
 * A plain HTTP client for tests: real requests over a real socket, JSON in and out, no
 * status turned into exceptions.
 */
public final class ApiClient {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	private final String baseUrl;

	public ApiClient(String baseUrl) {
		this.baseUrl = baseUrl;
	}

	public Response get(String path, @Nullable String token) {
		return send("GET", path, token, null, Map.of());
	}

	public Response post(String path, @Nullable String token, @Nullable Object body) {
		return send("POST", path, token, body, Map.of());
	}

	public Response put(String path, @Nullable String token, @Nullable Object body) {
		return send("PUT", path, token, body, Map.of());
	}

	public Response patch(String path, @Nullable String token, @Nullable Object body) {
		return send("PATCH", path, token, body, Map.of());
	}

	public Response delete(String path, @Nullable String token) {
		return send("DELETE", path, token, null, Map.of());
	}

	/**
	 * Sends one request. A {@code String} body goes as it is (for malformed-input tests);
	 * anything else is serialised to JSON.
	 */
	public Response send(String method, String path, @Nullable String token, @Nullable Object body,
			Map<String, String> headers) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(this.baseUrl + path))
			.timeout(Duration.ofSeconds(30));
		if (token != null) {
			request.header("Authorization", "Bearer " + token);
		}
		headers.forEach(request::header);
		if (body == null) {
			request.method(method, HttpRequest.BodyPublishers.noBody());
		}
		else {
			String text = (body instanceof String s) ? s : JSON.writeValueAsString(body);
			request.header("Content-Type", "application/json");
			request.method(method, HttpRequest.BodyPublishers.ofString(text));
		}
		try {
			HttpResponse<String> response = this.http.send(request.build(), HttpResponse.BodyHandlers.ofString());
			return new Response(response.statusCode(), flatten(response), response.body());
		}
		catch (IOException ex) {
			throw new IllegalStateException(method + " " + path + " failed: " + ex.getMessage(), ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	private static Map<String, String> flatten(HttpResponse<?> response) {
		Map<String, String> headers = new LinkedHashMap<>();
		response.headers().map().forEach((name, values) -> headers.put(name.toLowerCase(), String.join(",", values)));
		return headers;
	}

	/** A response: status, lower-cased headers, and the body as text and as JSON. */
	public record Response(int status, Map<String, String> headers, String body) {

		public JsonNode json() {
			if (this.body.isBlank()) {
				return MissingNode.getInstance();
			}
			return JSON.readTree(this.body);
		}

		public String text(String field) {
			return json().path(field).asString();
		}

		public @Nullable String header(String name) {
			return this.headers.get(name.toLowerCase());
		}

		public String contentType() {
			String type = header("content-type");
			return (type != null) ? type : "";
		}

		@Override
		public String toString() {
			return this.status + " " + this.body;
		}

	}

}
