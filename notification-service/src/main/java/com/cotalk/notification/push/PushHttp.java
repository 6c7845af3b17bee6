package com.cotalk.notification.push;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

import org.jspecify.annotations.Nullable;

/** HTTP details the providers share: clients, sending, {@code Retry-After}. */
final class PushHttp {

	private PushHttp() {
	}

	/** A client that never follows redirects (a redirect could lead anywhere). */
	static HttpClient client(Duration timeout, HttpClient.Version version) {
		return HttpClient.newBuilder()
			.version(version)
			.connectTimeout(timeout)
			.followRedirects(HttpClient.Redirect.NEVER)
			.build();
	}

	/** Sends, or reports why nothing came back. */
	static Exchange send(HttpClient client, HttpRequest request) {
		try {
			return new Exchange(client.send(request, HttpResponse.BodyHandlers.ofString()), null);
		}
		catch (HttpTimeoutException ex) {
			return new Exchange(null, new PushOutcome.Retry("timed out", null));
		}
		catch (IOException ex) {
			return new Exchange(null, new PushOutcome.Retry("I/O error: " + ex.getClass().getSimpleName(), null));
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return new Exchange(null, new PushOutcome.Retry("interrupted", null));
		}
	}

	static PushOutcome.Retry retry(HttpResponse<?> response, String reason) {
		return new PushOutcome.Retry(reason, retryAfter(response.headers().firstValue("Retry-After").orElse(null)));
	}

	/** {@code Retry-After} as seconds or an HTTP date (RFC 9110). */
	static @Nullable Duration retryAfter(@Nullable String value) {
		if (value == null || value.isBlank()) {
			return null;
		}
		try {
			return Duration.ofSeconds(Math.max(0, Long.parseLong(value.trim())));
		}
		catch (NumberFormatException notSeconds) {
			try {
				Duration wait = Duration.between(ZonedDateTime.now(),
						ZonedDateTime.parse(value.trim(), DateTimeFormatter.RFC_1123_DATE_TIME));
				return wait.isNegative() ? Duration.ZERO : wait;
			}
			catch (DateTimeParseException notDate) {
				return null;
			}
		}
	}

	static boolean isTransient(int status) {
		return status == 429 || status >= 500;
	}

	/** A response, or the outcome when there was none. */
	record Exchange(@Nullable HttpResponse<String> response, PushOutcome.@Nullable Retry failure) {
	}

}
