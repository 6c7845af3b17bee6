package com.cotalk.notification.stream;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.stereotype.Component;

import com.cotalk.notification.NotificationProperties;

/**
 * Starts a reader for every stream every {@link StreamSource} names, each on a virtual
 * thread with its own Redis connection, all in the consumer group {@value #GROUP} under a
 * consumer name unique to this process. Starts after Redis's connection factory and stops
 * before it (and before the database pool closes), letting each reader finish its entry.
 */
@Component
class StreamReaders implements SmartLifecycle {

	static final String GROUP = "notification-service";

	private static final Logger log = LoggerFactory.getLogger(StreamReaders.class);

	private final LettuceConnectionFactory redis;

	private final List<StreamSource> sources;

	private final NotificationProperties.Consumer settings;

	private final ConsumerMetrics metrics;

	private final String consumerName = consumerName();

	private final List<Thread> readers = new ArrayList<>();

	private volatile boolean running;

	StreamReaders(LettuceConnectionFactory redis, List<StreamSource> sources, NotificationProperties properties,
			ConsumerMetrics metrics) {
		this.redis = redis;
		this.metrics = metrics;
		this.sources = sources;
		this.settings = properties.consumer();
	}

	@Override
	public synchronized void start() {
		this.running = true;
		Duration timeout = this.settings.block().plusSeconds(10);
		List<StreamSubscription> subscriptions = this.sources.stream()
			.flatMap((source) -> source.subscriptions().stream())
			.toList();
		for (StreamSubscription subscription : subscriptions) {
			StreamReader reader = new StreamReader(subscription, () -> GroupStream
				.open(this.redis.getRequiredNativeClient(), subscription.key(), GROUP, this.consumerName, timeout),
					this.settings, () -> this.running, this.metrics);
			this.readers.add(Thread.ofVirtual().name("stream-" + subscription.key()).start(reader));
		}
		log.info("Reading {} streams as consumer {} of group {}", subscriptions.size(), this.consumerName, GROUP);
	}

	@Override
	public void stop(Runnable callback) {
		this.running = false;
		Thread.ofVirtual().name("stream-readers-stop").start(() -> {
			awaitReaders();
			callback.run();
		});
	}

	@Override
	public void stop() {
		this.running = false;
		awaitReaders();
	}

	private synchronized void awaitReaders() {
		for (Thread reader : this.readers) {
			try {
				reader.join();
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return;
			}
		}
		this.readers.clear();
	}

	@Override
	public boolean isRunning() {
		return this.running;
	}

	/**
	 * Host (the pod name on Kubernetes), process id and a random part: unique even for
	 * two starts in one JVM.
	 */
	private static String consumerName() {
		String host = System.getenv("HOSTNAME");
		return ((host != null && !host.isBlank()) ? host : "notification-service") + "-" + ProcessHandle.current().pid()
				+ "-" + UUID.randomUUID().toString().substring(0, 8);
	}

}
