package com.cotalk.notification.dispatch;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import jakarta.annotation.PreDestroy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import com.cotalk.common.presence.OnlineUsers;
import com.cotalk.notification.device.Device;
import com.cotalk.notification.device.DeviceService;
import com.cotalk.notification.push.PushMessage;
import com.cotalk.notification.push.PushOutcome;
import com.cotalk.notification.push.PushProviders;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Sends the pushes that are due, each on its own virtual thread: to every device of the
 * user that does not have it yet, unless the user has come online meanwhile (the message
 * reaches them live). A device its provider reports gone is removed; a push some device
 * could not take is tried again with doubling waits (or the provider's
 * {@code Retry-After}), and dead-lettered after {@code max-attempts}.
 */
@Component
class PushWorker {

	private static final Logger log = LoggerFactory.getLogger(PushWorker.class);

	private static final int BATCH = 100;

	private final PushQueue queue;

	private final DeviceService devices;

	private final PushProviders providers;

	private final StringRedisTemplate redis;

	private final DispatchProperties properties;

	private final MeterRegistry meters;

	private final ExecutorService senders = Executors.newVirtualThreadPerTaskExecutor();

	private final Map<String, Counter> outcomes = new ConcurrentHashMap<>();

	PushWorker(PushQueue queue, DeviceService devices, PushProviders providers, StringRedisTemplate redis,
			DispatchProperties properties, MeterRegistry meters) {
		this.queue = queue;
		this.devices = devices;
		this.providers = providers;
		this.redis = redis;
		this.properties = properties;
		this.meters = meters;
	}

	@Scheduled(fixedDelayString = "${cotalk.notification.dispatch.poll-interval:250ms}")
	void sendDue() {
		List<String> due;
		try {
			due = this.queue.lease(BATCH, this.properties.lease());
		}
		catch (RuntimeException ex) {
			log.warn("Due pushes not read: {}", ex.toString());
			return;
		}
		List<Future<?>> sending = new ArrayList<>();
		for (String member : due) {
			sending.add(this.senders.submit(() -> send(member)));
		}
		for (Future<?> one : sending) {
			try {
				one.get();
			}
			catch (Exception ex) {
				if (ex instanceof InterruptedException) {
					Thread.currentThread().interrupt();
					return;
				}
				log.warn("A push failed: {}", ex.toString());
			}
		}
	}

	private void send(String member) {
		PendingPush push = this.queue.read(member);
		if (push == null) {
			return;
		}
		if (!OnlineUsers.among(this.redis, List.of(push.userId())).isEmpty()) {
			this.queue.complete(push);
			return;
		}
		PushMessage message = new PushMessage(push.roomId(), push.seq(), push.title(), push.body());
		List<String> delivered = new ArrayList<>(push.delivered());
		Duration retryAfter = null;
		String retryReason = null;
		for (Device device : this.devices.devicesOf(push.userId())) {
			if (delivered.contains(device.deviceId())) {
				continue;
			}
			PushOutcome outcome = this.providers.send(PushTargets.of(device), message);
			outcomeCounter(device.platform().name(), outcome).increment();
			switch (outcome) {
				case PushOutcome.Delivered delivered1 -> delivered.add(device.deviceId());
				case PushOutcome.Gone gone -> {
					log.info("Removing device {} of user {}: {}", device.deviceId(), push.userId(), gone.reason());
					this.devices.removeGoneDevice(device);
				}
				case PushOutcome.Failed failed -> log.warn("Push to device {} of user {} failed: {}", device.deviceId(),
						push.userId(), failed.reason());
				case PushOutcome.Retry retry -> {
					retryReason = retry.reason();
					Duration wait = (retry.retryAfter() != null) ? retry.retryAfter() : Duration.ZERO;
					retryAfter = (retryAfter == null || wait.compareTo(retryAfter) > 0) ? wait : retryAfter;
				}
			}
		}
		if (retryReason == null) {
			this.queue.complete(push);
			return;
		}
		PendingPush again = push.retried(delivered);
		if (again.attempts() >= this.properties.maxAttempts()) {
			log.warn("Giving up on the push of room {} seq {} to user {} after {} attempts: {}", push.roomId(),
					push.seq(), push.userId(), again.attempts(), retryReason);
			this.queue.deadLetter(again, retryReason);
			return;
		}
		Duration backoff = this.properties.firstRetry().multipliedBy(1L << Math.min(again.attempts() - 1, 10));
		this.queue.retry(again, (retryAfter != null && retryAfter.compareTo(backoff) > 0) ? retryAfter : backoff);
	}

	private Counter outcomeCounter(String platform, PushOutcome outcome) {
		String name = outcome.getClass().getSimpleName().toLowerCase(Locale.ROOT);
		return this.outcomes.computeIfAbsent(platform + ':' + name,
				(key) -> Counter.builder("cotalk.push.outcomes")
					.description("Pushes by platform and outcome (delivered, gone, retry, failed)")
					.tags("platform", platform, "outcome", name)
					.register(this.meters));
	}

	@PreDestroy
	void stop() {
		this.senders.shutdown();
	}

}
