package com.cotalk.message.stream;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.stereotype.Component;

import com.cotalk.common.messages.MessageKeys;
import com.cotalk.message.MessagePathProperties;

import io.micrometer.core.instrument.MeterRegistry;
import tools.jackson.databind.json.JsonMapper;

/**
 * Persists the message streams: one reader per stream partition, each on a virtual thread
 * with its own Redis connection, all in the consumer group
 * {@value MessageKeys#PERSISTENCE_GROUP} under a consumer name unique to this process.
 * Starts after Redis's connection factory and stops before it (and before the database
 * pool closes), letting each reader finish and acknowledge its batch.
 */
@Component
class StreamConsumer implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(StreamConsumer.class);

	private final LettuceConnectionFactory redis;

	private final MessagePathProperties properties;

	private final EntryStore store;

	private final IngestMetrics metrics;

	private final String consumerName = consumerName();

	private final List<Thread> readers = new ArrayList<>();

	private volatile boolean running;

	StreamConsumer(LettuceConnectionFactory redis, MessageBatchRepository messages, JsonMapper json,
			MeterRegistry registry, MessagePathProperties properties) {
		this.redis = redis;
		this.properties = properties;
		this.metrics = new IngestMetrics(registry);
		this.store = new EntryStore(new EntryParser(json),
				new BatchWriter(messages, this.metrics, properties.persistence().maxDeliveries()), this.metrics,
				properties.persistence().maxBackoff());
	}

	@Override
	public synchronized void start() {
		this.running = true;
		MessagePathProperties.Persistence settings = this.properties.persistence();
		Duration timeout = settings.block().plusSeconds(10);
		for (int p = 0; p < this.properties.partitions(); p++) {
			int partition = p;
			PartitionReader reader = new PartitionReader(partition,
					() -> PartitionStream.open(this.redis.getRequiredNativeClient(), MessageKeys.stream(partition),
							MessageKeys.deadLetterStream(partition), MessageKeys.PERSISTENCE_GROUP, this.consumerName,
							timeout),
					this.store, this.metrics, settings, () -> this.running);
			this.readers.add(Thread.ofVirtual().name("stream-reader-" + partition).start(reader));
		}
		log.info("Reading {} message stream partitions as consumer {} of group {}", this.properties.partitions(),
				this.consumerName, MessageKeys.PERSISTENCE_GROUP);
	}

	@Override
	public void stop(Runnable callback) {
		this.running = false;
		Thread.ofVirtual().name("stream-consumer-stop").start(() -> {
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
		log.info("Stopped reading the message streams");
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
		return ((host != null && !host.isBlank()) ? host : "message-service") + "-" + ProcessHandle.current().pid()
				+ "-" + UUID.randomUUID().toString().substring(0, 8);
	}

}
