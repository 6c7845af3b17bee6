package com.cotalk.notification.push;

import java.time.Duration;

import org.jspecify.annotations.Nullable;

/** What became of one push to one device. */
public sealed interface PushOutcome {

	/** The push service accepted the push. */
	record Delivered() implements PushOutcome {
	}

	/**
	 * The push service says the device no longer exists (FCM {@code UNREGISTERED}, APNs
	 * 410, Web Push 404/410): the caller removes the device.
	 */
	record Gone(String reason) implements PushOutcome {
	}

	/**
	 * A transient failure (429, 5xx, a timeout): the same push may be tried again, not
	 * before {@code retryAfter} when the service named a time.
	 */
	record Retry(String reason, @Nullable Duration retryAfter) implements PushOutcome {
	}

	/**
	 * A permanent failure for this push (a bad request, a refused endpoint): log, do not
	 * retry.
	 */
	record Failed(String reason) implements PushOutcome {
	}

}
