package com.cotalk.message.stream;

import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.cotalk.message.MessagePathProperties;

import io.lettuce.core.RedisException;
import io.lettuce.core.StreamMessage;
import io.lettuce.core.models.stream.ClaimedMessages;

/**
 * Reads one partition stream into PostgreSQL until told to stop: new entries in batches,
 * entries a dead consumer left behind, and now and then a trim of what every group has
 * acknowledged. Runs on its own (virtual) thread with its own Redis connection, so its
 * blocking reads stall nothing else. When PostgreSQL or Redis is down it waits and tries
 * again, acknowledging nothing it has not stored; when stopped it finishes the batch in
 * hand first.
 */
class PartitionReader implements Runnable {

	private static final Logger log = LoggerFactory.getLogger(PartitionReader.class);

	private static final int MAX_CLAIM_ROUNDS = 10;

	private static final String CURSOR_START = "0-0";

	private final int partition;

	private final Supplier<PartitionStream> connect;

	private final EntryStore store;

	private final IngestMetrics metrics;

	private final MessagePathProperties.Persistence settings;

	private final BooleanSupplier running;

	private @Nullable PartitionStream stream;

	private boolean groupReady;

	private long nextClaim = System.nanoTime();

	private long nextMaintenance = System.nanoTime();

	PartitionReader(int partition, Supplier<PartitionStream> connect, EntryStore store, IngestMetrics metrics,
			MessagePathProperties.Persistence settings, BooleanSupplier running) {
		this.partition = partition;
		this.connect = connect;
		this.store = store;
		this.metrics = metrics;
		this.settings = settings;
		this.running = running;
	}

	@Override
	public void run() {
		Backoff backoff = new Backoff(Backoff.FIRST_RETRY, this.settings.maxBackoff());
		try {
			while (active()) {
				try {
					step(connected());
					if (backoff.failures() > 0) {
						log.info("Redis is reachable again for stream partition {}", this.partition);
					}
					backoff.reset();
				}
				catch (RedisException ex) {
					if (String.valueOf(ex.getMessage()).startsWith("NOGROUP")) {
						// the stream or the group vanished (Redis lost its data): create
						// them again
						this.groupReady = false;
					}
					if (backoff.failures() % 20 == 0) {
						log.warn("Redis failed for stream partition {} ({}); retrying", this.partition, ex.toString());
					}
					backoff.pause();
				}
				catch (RuntimeException ex) {
					log.error("Reading stream partition {} failed; retrying", this.partition, ex);
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

	/**
	 * After a clean stop nothing of ours is pending, and the consumer name would never be
	 * used again.
	 */
	private void leaveGroup(PartitionStream stream) {
		try {
			stream.groups().removeSelfIfIdle();
		}
		catch (RuntimeException ex) {
			log.debug("Could not leave the group of {}: {}", stream.key(), ex.toString());
		}
	}

	private boolean active() {
		return this.running.getAsBoolean() && !Thread.currentThread().isInterrupted();
	}

	private PartitionStream connected() {
		if (this.stream == null) {
			this.stream = this.connect.get();
		}
		return this.stream;
	}

	private void step(PartitionStream stream) {
		if (!this.groupReady) {
			stream.groups().ensureGroup();
			this.groupReady = true;
		}
		if (System.nanoTime() - this.nextClaim >= 0) {
			claimAbandoned(stream);
			this.nextClaim = System.nanoTime() + this.settings.claimInterval().toNanos();
		}
		List<StreamMessage<String, String>> entries = stream.readNew(this.settings.batchSize(), this.settings.block());
		if (!entries.isEmpty()) {
			this.store.store(stream, entries, this::active);
		}
		if (!entries.isEmpty() && entries.size() < this.settings.batchSize() && active()) {
			linger();
		}
		if (System.nanoTime() - this.nextMaintenance >= 0) {
			maintain(stream);
			this.nextMaintenance = System.nanoTime() + this.settings.trimInterval().toNanos();
		}
	}

	private void linger() {
		try {
			Thread.sleep(this.settings.linger());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	private void claimAbandoned(PartitionStream stream) {
		String cursor = CURSOR_START;
		for (int round = 0; round < MAX_CLAIM_ROUNDS && active(); round++) {
			ClaimedMessages<String, String> claimed = stream.claimIdle(cursor, this.settings.claimIdle(),
					this.settings.batchSize());
			if (!claimed.getMessages().isEmpty()) {
				log.info("Took over {} entries of {} left unacknowledged for {}s or more", claimed.getMessages().size(),
						stream.key(), this.settings.claimIdle().toSeconds());
				this.store.store(stream, claimed.getMessages(), this::active);
			}
			cursor = claimed.getId();
			if (CURSOR_START.equals(cursor)) {
				break;
			}
		}
		int removed = stream.groups().removeIdleConsumers(this.settings.consumerExpiry());
		if (removed > 0) {
			log.info("Removed {} idle consumers without pending entries from {}", removed, stream.key());
		}
	}

	private void maintain(PartitionStream stream) {
		StreamGroups bookkeeping = stream.groups();
		List<TrimPoint.GroupPosition> groups = bookkeeping.groupPositions();
		TrimPoint.StreamId floor = new TrimPoint.StreamId(
				System.currentTimeMillis() - this.settings.otherGroupsRetention().toMillis(), 0);
		TrimPoint.minId(groups, stream.group(), floor).ifPresent(bookkeeping::trimBelow);
		TrimPoint.GroupPosition ours = groups.stream()
			.filter((group) -> group.name().equals(stream.group()))
			.findFirst()
			.orElse(null);
		this.metrics.streamState(this.partition, bookkeeping.length(), (ours != null) ? ours.pending() : 0,
				(ours != null) ? ours.lag() : -1);
	}

}
