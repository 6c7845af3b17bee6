package com.cotalk.notification.stream;

import java.time.Duration;

/**
 * Waits that double from {@code initial} up to {@code max} while something stays down.
 */
final class Backoff {

	static final Duration FIRST_RETRY = Duration.ofMillis(50);

	private final long initialMillis;

	private final long maxMillis;

	private int failures;

	Backoff(Duration max) {
		this.initialMillis = FIRST_RETRY.toMillis();
		this.maxMillis = Math.max(this.initialMillis, max.toMillis());
	}

	/**
	 * Sleeps for the next wait; an interrupt ends the wait early and stays set for the
	 * caller to see.
	 */
	void pause() {
		long millis = this.initialMillis << Math.min(this.failures, 30);
		this.failures++;
		try {
			Thread.sleep((millis <= 0 || millis > this.maxMillis) ? this.maxMillis : millis);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	int failures() {
		return this.failures;
	}

	void reset() {
		this.failures = 0;
	}

}
