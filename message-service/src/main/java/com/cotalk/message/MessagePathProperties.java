package com.cotalk.message;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import com.cotalk.common.messages.MessageKeys;

/**
 * The message path as message-service sees it.
 *
 * @param partitions how many stream partitions chat-service appends to (cluster-wide, the
 * same in every service)
 * @param partitionsAhead how many months of table partitions exist beyond the current one
 * @param retentionMonths months of history kept attached; older month partitions are
 * detached (0 keeps everything)
 * @param persistence how the streams are read into PostgreSQL
 */
@ConfigurationProperties("cotalk.messages")
public record MessagePathProperties(@DefaultValue("" + MessageKeys.DEFAULT_PARTITIONS) int partitions,
		@DefaultValue("2") int partitionsAhead, @DefaultValue("0") int retentionMonths,
		@DefaultValue Persistence persistence) {

	public MessagePathProperties {
		if (partitions < 1) {
			throw new IllegalStateException("cotalk.messages.partitions must be at least 1");
		}
		if (partitionsAhead < 1 || retentionMonths < 0) {
			throw new IllegalStateException(
					"cotalk.messages.partitions-ahead must be at least 1 and retention-months at least 0");
		}
	}

	/**
	 * @param batchSize the most entries read (and inserted in one statement) at a time
	 * per partition
	 * @param block how long a read waits for new entries on the reader's own connection
	 * @param claimIdle how long an entry stays unacknowledged before another consumer
	 * takes it over
	 * @param claimInterval how often each reader looks for such entries
	 * @param maxDeliveries deliveries after which an entry that cannot be stored goes to
	 * the dead-letter stream
	 * @param trimInterval how often each stream is trimmed up to what every group has
	 * acknowledged
	 * @param maxBackoff the longest wait between attempts while PostgreSQL or Redis is
	 * down
	 * @param consumerExpiry how long a consumer with nothing pending may stay idle before
	 * it is removed from the group
	 * @param linger how long a reader waits after a read that did not fill a batch, so
	 * that a steady trickle is stored in a few larger batches (one insert, one
	 * transaction, one acknowledgement each) instead of one per message: the CPU it saves
	 * is the real-time path's
	 * @param otherGroupsRetention how long an entry is kept for another group
	 * (notification-service) that has not read it: one gone for longer loses those
	 * entries (pushes and mentions that old are no longer relevant) instead of the stream
	 * growing without bound in Redis; entries this service has not stored are always kept
	 */
	public record Persistence(@DefaultValue("1000") int batchSize, @DefaultValue("2s") Duration block,
			@DefaultValue("30s") Duration claimIdle, @DefaultValue("10s") Duration claimInterval,
			@DefaultValue("5") int maxDeliveries, @DefaultValue("2s") Duration trimInterval,
			@DefaultValue("5s") Duration maxBackoff, @DefaultValue("1h") Duration consumerExpiry,
			@DefaultValue("100ms") Duration linger, @DefaultValue("24h") Duration otherGroupsRetention) {
	}

}
