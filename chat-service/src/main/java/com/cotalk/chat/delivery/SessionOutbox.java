package com.cotalk.chat.delivery;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.messaging.Message;

/**
 * One session's outbound frames, written one at a time in the order offered (so events
 * arrive in publish order) by at most one virtual thread. Bounded: a session whose queue
 * is full is a slow consumer and is closed, never grown (with preserved publish order
 * Spring's own buffer limit does not apply, spring-framework#25581). Droppable events
 * (typing) are dropped once the queue is half full, before anything that matters is.
 */
final class SessionOutbox {

	private static final Logger log = LoggerFactory.getLogger(SessionOutbox.class);

	private final ArrayBlockingQueue<Queued> queue;

	private final int droppableLimit;

	private final Executor executor;

	private final Consumer<Message<byte[]>> writer;

	private final Runnable onOverflow;

	private final DeliveryMetrics metrics;

	private final AtomicBoolean draining = new AtomicBoolean();

	private volatile boolean closed;

	SessionOutbox(int capacity, Executor executor, Consumer<Message<byte[]>> writer, Runnable onOverflow,
			DeliveryMetrics metrics) {
		this.metrics = metrics;
		this.queue = new ArrayBlockingQueue<>(capacity);
		this.droppableLimit = Math.max(1, capacity / 2);
		this.executor = executor;
		this.writer = writer;
		this.onOverflow = onOverflow;
	}

	/**
	 * @return false when the frame was dropped
	 */
	boolean offer(Message<byte[]> frame, boolean droppable) {
		return offer(frame, droppable, DeliveryMetrics.NOT_A_MESSAGE);
	}

	/**
	 * @param acceptedAtMillis when the message the frame carries was accepted, or
	 * {@link DeliveryMetrics#NOT_A_MESSAGE}
	 * @return false when the frame was dropped
	 */
	boolean offer(Message<byte[]> frame, boolean droppable, long acceptedAtMillis) {
		if (this.closed || (droppable && this.queue.size() >= this.droppableLimit)) {
			return false;
		}
		if (!this.queue.offer(new Queued(frame, System.nanoTime(), acceptedAtMillis))) {
			close();
			this.onOverflow.run();
			return false;
		}
		if (this.draining.compareAndSet(false, true)) {
			this.executor.execute(this::drain);
		}
		return true;
	}

	void close() {
		this.closed = true;
		this.queue.clear();
	}

	int size() {
		return this.queue.size();
	}

	private void drain() {
		try {
			Queued queued;
			while (!this.closed && (queued = this.queue.poll()) != null) {
				try {
					this.writer.accept(queued.frame());
					this.metrics.written(queued.at(), queued.acceptedAtMillis());
				}
				catch (RuntimeException ex) {
					log.debug("Could not write a frame: {}", ex.toString());
				}
			}
		}
		finally {
			this.draining.set(false);
		}
		// an offer between the last poll and the reset above found draining still set
		if (!this.closed && !this.queue.isEmpty() && this.draining.compareAndSet(false, true)) {
			this.executor.execute(this::drain);
		}
	}

	private record Queued(Message<byte[]> frame, long at, long acceptedAtMillis) {
	}

}
