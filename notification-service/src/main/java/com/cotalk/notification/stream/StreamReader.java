package com.cotalk.notification.stream;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.cotalk.notification.NotificationProperties;

import io.lettuce.core.RedisException;
import io.lettuce.core.StreamMessage;
import io.lettuce.core.models.stream.ClaimedMessages;

/**
 * Reads one stream until told to stop: new entries in batches and, now and then, entries
 * a dead consumer left behind (reporting then how far behind the group is). Each entry
 * goes to the handler; it is acknowledged only once the handler has succeeded (or found
 * it hopeless). While something the handler needs is down the same entry is tried again
 * after growing pauses, so an outage delays notifications and loses none. When stopped,
 * what is not done stays pending for a claim.
 */
final class StreamReader implements Runnable {

	private static final Logger log = LoggerFactory.getLogger(StreamReader.class);

	private static final int MAX_CLAIM_ROUNDS = 10;

	private static final String CURSOR_START = "0-0";

	private final StreamSubscription subscription;

	private final Supplier<GroupStream> connect;

	private final NotificationProperties.Consumer settings;

	private final BooleanSupplier running;

	private final ConsumerMetrics metrics;

	private @Nullable GroupStream stream;

	private boolean groupReady;

	private long nextClaim = System.nanoTime();

	StreamReader(StreamSubscription subscription, Supplier<GroupStream> connect,
			NotificationProperties.Consumer settings, BooleanSupplier running, ConsumerMetrics metrics) {
		this.subscription = subscription;
		this.metrics = metrics;
		this.connect = connect;
		this.settings = settings;
		this.running = running;
	}

	@Override
	public void run() {
		Backoff backoff = new Backoff(this.settings.maxBackoff());
		try {
			while (active()) {
				try {
					step(connected());
					if (backoff.failures() > 0) {
						log.info("Redis is reachable again for {}", this.subscription.key());
					}
					backoff.reset();
				}
				catch (RedisException ex) {
					if (String.valueOf(ex.getMessage()).startsWith("NOGROUP")) {
						// the stream or the group vanished (Redis lost its data)
						this.groupReady = false;
					}
					if (backoff.failures() % 20 == 0) {
						log.warn("Redis failed reading {} ({}); retrying", this.subscription.key(), ex.toString());
					}
					backoff.pause();
				}
				catch (RuntimeException ex) {
					log.error("Reading {} failed; retrying", this.subscription.key(), ex);
					backoff.pause();
				}
			}
		}
		finally {
			if (this.stream != null) {
				leaveGroup(this.stream);
				this.stream.close();
			}
		}
	}

	private void leaveGroup(GroupStream stream) {
		try {
			stream.removeIdleConsumers(this.settings.consumerExpiry(), true);
		}
		catch (RuntimeException ex) {
			log.debug("Could not leave the group of {}: {}", stream.key(), ex.toString());
		}
	}

	private boolean active() {
		return this.running.getAsBoolean() && !Thread.currentThread().isInterrupted();
	}

	private GroupStream connected() {
		if (this.stream == null) {
			this.stream = this.connect.get();
		}
		return this.stream;
	}

	private void step(GroupStream stream) {
		if (!this.groupReady) {
			stream.ensureGroup(this.subscription.start());
			this.groupReady = true;
		}
		if (System.nanoTime() - this.nextClaim >= 0) {
			claimAbandoned(stream);
			this.nextClaim = System.nanoTime() + this.settings.claimInterval().toNanos();
		}
		process(stream, stream.readNew(this.settings.batchSize(), this.settings.block()));
	}

	private void claimAbandoned(GroupStream stream) {
		String cursor = CURSOR_START;
		for (int round = 0; round < MAX_CLAIM_ROUNDS && active(); round++) {
			ClaimedMessages<String, String> claimed = stream.claimIdle(cursor, this.settings.claimIdle(),
					this.settings.batchSize());
			if (!claimed.getMessages().isEmpty()) {
				log.info("Took over {} entries of {} left unacknowledged for {} s or more",
						claimed.getMessages().size(), stream.key(), this.settings.claimIdle().toSeconds());
				process(stream, claimed.getMessages());
			}
			cursor = claimed.getId();
			if (CURSOR_START.equals(cursor)) {
				break;
			}
		}
		stream.removeIdleConsumers(this.settings.consumerExpiry(), false);
		this.metrics.state(stream.key(), stream.groupState());
	}

	private void process(GroupStream stream, List<StreamMessage<String, String>> entries) {
		List<String> settled = new ArrayList<>(entries.size());
		try {
			for (StreamMessage<String, String> entry : entries) {
				if (!settle(stream, entry)) {
					return;
				}
				settled.add(entry.getId());
			}
		}
		finally {
			stream.ack(settled);
		}
	}

	/**
	 * True once the entry is done with (handled, or hopeless); false when the reader
	 * stopped while it still waited for something to come back.
	 */
	private boolean settle(GroupStream stream, StreamMessage<String, String> entry) {
		Map<String, String> fields = (entry.getBody() != null) ? entry.getBody() : Map.of();
		Backoff backoff = new Backoff(this.settings.maxBackoff());
		while (true) {
			try {
				this.subscription.handler().handle(entry.getId(), fields);
				if (backoff.failures() > 0) {
					log.info("Entry {} of {} handled after {} attempts", entry.getId(), stream.key(),
							backoff.failures() + 1);
				}
				return true;
			}
			catch (RuntimeException ex) {
				if (ex instanceof BadEntryException) {
					log.warn("Entry {} of {} can never be handled ({}): skipped", entry.getId(), stream.key(),
							ex.getMessage());
					return true;
				}
				if (!Failures.isTransient(ex)) {
					log.error("Entry {} of {} failed ({}): skipped", entry.getId(), stream.key(), Failures.describe(ex),
							ex);
					return true;
				}
				if (backoff.failures() % 20 == 0) {
					log.warn("Entry {} of {} waits: {}; retrying", entry.getId(), stream.key(), Failures.describe(ex));
				}
				if (!active()) {
					log.warn("Stopping with entry {} of {} unacknowledged; another consumer will claim it",
							entry.getId(), stream.key());
					return false;
				}
				backoff.pause();
			}
		}
	}

}
