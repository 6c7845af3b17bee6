package com.cotalk.chat.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;
import org.springframework.core.task.VirtualThreadTaskExecutor;
import org.springframework.messaging.Message;
import org.springframework.messaging.support.MessageBuilder;

class SessionOutboxTests {

	private final VirtualThreadTaskExecutor executor = new VirtualThreadTaskExecutor("test-");

	private final MeterRegistry meters = new SimpleMeterRegistry();

	private final DeliveryMetrics metrics = new DeliveryMetrics(this.meters);

	@Test
	void writesFramesInTheOrderOffered() throws Exception {
		List<String> frames = new CopyOnWriteArrayList<>();
		CountDownLatch done = new CountDownLatch(500);
		SessionOutbox outbox = new SessionOutbox(1000, this.executor, (frame) -> {
			frames.add(new String(frame.getPayload()));
			done.countDown();
		}, () -> {
		}, this.metrics);
		for (int i = 0; i < 500; i++) {
			outbox.offer(frame("m" + i), false);
		}
		assertThat(done.await(5, TimeUnit.SECONDS)).isTrue();
		assertThat(frames)
			.containsExactlyElementsOf(java.util.stream.IntStream.range(0, 500).mapToObj((i) -> "m" + i).toList());
		for (int i = 0; i < 100 && written() < 500; i++) {
			Thread.sleep(20);
		}
		assertThat(written()).as("frames timed").isEqualTo(500);
		assertThat(this.meters.get("cotalk.messages.delivered").counter().count()).as("none was a message").isZero();
	}

	@Test
	void closesASlowConsumerInsteadOfQueueingWithoutBound() throws Exception {
		CountDownLatch stuck = new CountDownLatch(1);
		CountDownLatch writing = new CountDownLatch(1);
		AtomicInteger overflows = new AtomicInteger();
		SessionOutbox outbox = new SessionOutbox(4, this.executor, (frame) -> {
			writing.countDown();
			await(stuck);
		}, overflows::incrementAndGet, this.metrics);
		assertThat(outbox.offer(frame("being written"), false)).isTrue();
		assertThat(writing.await(5, TimeUnit.SECONDS)).isTrue();
		for (int i = 0; i < 4; i++) {
			assertThat(outbox.offer(frame("queued " + i), false)).isTrue();
		}

		assertThat(outbox.offer(frame("one too many"), false)).isFalse();
		assertThat(overflows).hasValue(1);
		assertThat(outbox.size()).isZero();
		assertThat(outbox.offer(frame("after close"), false)).isFalse();
		stuck.countDown();
	}

	@Test
	void dropsTypingFirstWhenHalfFull() throws Exception {
		CountDownLatch stuck = new CountDownLatch(1);
		CountDownLatch writing = new CountDownLatch(1);
		SessionOutbox outbox = new SessionOutbox(4, this.executor, (frame) -> {
			writing.countDown();
			await(stuck);
		}, () -> {
		}, this.metrics);
		outbox.offer(frame("being written"), false);
		assertThat(writing.await(5, TimeUnit.SECONDS)).isTrue();
		outbox.offer(frame("message 1"), false);
		assertThat(outbox.offer(frame("typing 1"), true)).isTrue();
		assertThat(outbox.offer(frame("typing 2"), true)).isFalse();
		assertThat(outbox.offer(frame("message 2"), false)).isTrue();
		stuck.countDown();
	}

	@Test
	void countsAMessageAndTimesItFromItsAcceptanceWhenItIsWritten() throws Exception {
		CountDownLatch done = new CountDownLatch(2);
		SessionOutbox outbox = new SessionOutbox(10, this.executor, (frame) -> done.countDown(), () -> {
		}, this.metrics);
		long acceptedAt = System.currentTimeMillis() - 250;
		outbox.offer(frame("message"), false, acceptedAt);
		outbox.offer(frame("receipt"), false);
		assertThat(done.await(5, TimeUnit.SECONDS)).isTrue();
		for (int i = 0; i < 100 && written() < 2; i++) {
			Thread.sleep(20);
		}

		assertThat(this.meters.get("cotalk.messages.delivered").counter().count()).isEqualTo(1);
		var endToEnd = this.meters.get("cotalk.messages.end.to.end").timer();
		assertThat(endToEnd.count()).isEqualTo(1);
		assertThat(endToEnd.totalTime(TimeUnit.MILLISECONDS)).isBetween(250.0, 5000.0);
	}

	private long written() {
		return this.meters.get("cotalk.delivery.write").timer().count();
	}

	private static Message<byte[]> frame(String text) {
		return MessageBuilder.withPayload(text.getBytes()).build();
	}

	private static void await(CountDownLatch latch) {
		try {
			latch.await(10, TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
