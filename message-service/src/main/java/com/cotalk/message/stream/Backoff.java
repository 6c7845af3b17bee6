package com.cotalk.message.stream;

import java.time.Duration;

/**
 * Waits that double from {@code initial} up to {@code max} while something stays down.
 */
final class Backoff {

	static final Duration FIRST_RETRY = Duration.ofMillis(50);

	private final long initialMillis;

	private final long maxMillis;

	private int failures;

	Backoff(Duration initial, Duration max) {
		this.initialMillis = Math.max(1, initial.toMillis());
		this.maxMillis = Math.max(this.initialMillis, max.toMillis());
	}

	Duration next() {
		long millis = this.initialMillis << Math.min(this.failures, 30);
		this.failures++;
		return Duration.ofMillis((millis <= 0 || millis > this.maxMillis) ? this.maxMillis : millis);
	}

	/**
	 * Sleeps for the next wait; an interrupt ends the wait early and stays set for the
	 * caller to see.
	 */
	void pause() {
		try {
			Thread.sleep(next());
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
