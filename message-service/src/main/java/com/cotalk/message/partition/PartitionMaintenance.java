package com.cotalk.message.partition;

import java.time.Clock;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import com.cotalk.message.MessagePathProperties;

/**
 * Keeps month partitions ready ahead of the messages that need them: at startup (before
 * the stream readers start) and then every few hours, each instance makes sure the
 * current month and the next {@code partitions-ahead} months have their partition, and
 * detaches months past {@code retention-months}. Instances take turns through an advisory
 * lock, so two of them starting together do not trip over each other.
 */
@Component
public class PartitionMaintenance implements InitializingBean {

	private static final Logger log = LoggerFactory.getLogger(PartitionMaintenance.class);

	private final PartitionRepository partitions;

	private final TransactionTemplate transactions;

	private final MessagePathProperties properties;

	private final Clock clock;

	PartitionMaintenance(PartitionRepository partitions, PlatformTransactionManager transactionManager,
			MessagePathProperties properties) {
		this.partitions = partitions;
		this.transactions = new TransactionTemplate(transactionManager);
		this.properties = properties;
		this.clock = Clock.systemUTC();
	}

	@Override
	public void afterPropertiesSet() {
		maintain();
	}

	@Scheduled(initialDelayString = "${cotalk.messages.partition-check-interval:6h}",
			fixedDelayString = "${cotalk.messages.partition-check-interval:6h}")
	void scheduledMaintenance() {
		try {
			maintain();
		}
		catch (RuntimeException ex) {
			log.error("Message partition maintenance failed; the DEFAULT partition catches rows meanwhile", ex);
		}
	}

	void maintain() {
		YearMonth current = YearMonth.now(this.clock.withZone(ZoneOffset.UTC));
		this.transactions.executeWithoutResult((status) -> {
			this.partitions.lockForMaintenance();
			Set<String> attached = new HashSet<>(this.partitions.attachedPartitions());
			for (MonthPartition partition : MonthPartition.needed(current, this.properties.partitionsAhead())) {
				if (!attached.contains(partition.name())) {
					create(partition);
				}
			}
			detachExpired(current, attached);
		});
	}

	/**
	 * Makes sure the month has its partition, moving rows of that month out of the
	 * DEFAULT partition (for instance before older history is imported).
	 */
	public void ensureMonth(YearMonth month) {
		MonthPartition partition = new MonthPartition(month);
		this.transactions.executeWithoutResult((status) -> {
			this.partitions.lockForMaintenance();
			if (!this.partitions.attachedPartitions().contains(partition.name())) {
				create(partition);
			}
		});
	}

	private void create(MonthPartition partition) {
		if (this.partitions.defaultHoldsRowsOf(partition)) {
			this.partitions.createFromDefault(partition);
			log.warn("Created message partition {} and moved its rows out of the DEFAULT partition", partition.name());
		}
		else {
			this.partitions.create(partition);
			log.info("Created message partition {}", partition.name());
		}
	}

	private void detachExpired(YearMonth current, Set<String> attached) {
		List<MonthPartition> expired = attached.stream()
			.flatMap((name) -> MonthPartition.parse(name).stream())
			.filter((partition) -> partition.expired(current, this.properties.retentionMonths()))
			.toList();
		for (MonthPartition partition : expired) {
			this.partitions.detach(partition);
			log.warn("Detached message partition {} (older than {} months); drop or archive it", partition.name(),
					this.properties.retentionMonths());
		}
	}

}
