package com.cotalk.chat.delivery;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.springframework.stereotype.Component;

/**
 * The meters of a frame's last step, from a session's queue to its socket, registered
 * once and shared by every session's outbox.
 */
@Component
class DeliveryMetrics {

	/** No accept time: the frame is not a new message (a receipt, typing, a read). */
	static final long NOT_A_MESSAGE = -1;

	private final Timer written;

	private final Counter delivered;

	private final Timer endToEnd;

	DeliveryMetrics(MeterRegistry meters) {
		this.written = Timer.builder("cotalk.delivery.write")
			.description("From a frame queued for a session to written to its socket")
			.publishPercentileHistogram()
			.register(meters);
		this.delivered = Counter.builder("cotalk.messages.delivered")
			.description("Message events written to members' sessions")
			.register(meters);
		this.endToEnd = Timer.builder("cotalk.messages.end.to.end")
			.description("From a message accepted (on any chat-service instance) to written to a member's session")
			.publishPercentileHistogram()
			.minimumExpectedValue(Duration.ofMillis(1))
			.maximumExpectedValue(Duration.ofSeconds(30))
			.register(meters);
	}

	/**
	 * @param queuedAt {@link System#nanoTime()} when the frame was queued
	 * @param acceptedAtMillis epoch millis at which the message was accepted, or
	 * {@link #NOT_A_MESSAGE}
	 */
	void written(long queuedAt, long acceptedAtMillis) {
		this.written.record(System.nanoTime() - queuedAt, TimeUnit.NANOSECONDS);
		if (acceptedAtMillis != NOT_A_MESSAGE) {
			this.delivered.increment();
			// instances' clocks differ a little: a message never arrives before it was
			// sent
			this.endToEnd.record(Math.max(0, System.currentTimeMillis() - acceptedAtMillis), TimeUnit.MILLISECONDS);
		}
	}

}
