package com.cotalk.message.partition;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import com.cotalk.message.MessagePathProperties;
import com.cotalk.message.MessageServiceTestSupport;

class PartitionMaintenanceTests extends MessageServiceTestSupport {

	@Autowired
	PartitionRepository partitions;

	@Autowired
	PlatformTransactionManager transactionManager;

	@Test
	void hasPartitionsForThisMonthAndTheNextOnesAndADefault() {
		YearMonth now = YearMonth.now(ZoneOffset.UTC);
		assertThat(attached()).contains(new MonthPartition(now).name(), new MonthPartition(now.plusMonths(1)).name(),
				new MonthPartition(now.plusMonths(2)).name(), "messages_default");
	}

	@Test
	void storesAMessageInTheMonthItWasSent() {
		UUID room = UUID.randomUUID();
		append(message(room, 1));
		awaitStored(room, 1);
		String partition = this.jdbc.sql("SELECT tableoid::regclass::text FROM messages.messages WHERE room_id = :room")
			.param("room", room)
			.query(String.class)
			.single();
		assertThat(partition).endsWith(new MonthPartition(YearMonth.now(ZoneOffset.UTC)).name());
	}

	@Test
	void movesRowsTheDefaultPartitionCaughtIntoTheirNewMonth() {
		YearMonth farAhead = YearMonth.of(2090 + (int) (Math.random() * 9), 1 + (int) (Math.random() * 12));
		MonthPartition partition = new MonthPartition(farAhead);
		UUID room = UUID.randomUUID();
		this.jdbc
			.sql("""
					INSERT INTO messages.messages (message_id, room_id, seq, sender_id, client_msg_id, content_type, content, sent_at)
					VALUES (gen_random_uuid(), :room, 1, gen_random_uuid(), 'c-1', 'TEXT', 'early', :sentAt)
					""")
			.param("room", room)
			.param("sentAt", partition.from().plusDays(3))
			.update();
		try {
			new TransactionTemplate(this.transactionManager).executeWithoutResult((status) -> {
				this.partitions.lockForMaintenance();
				assertThat(this.partitions.defaultHoldsRowsOf(partition)).isTrue();
				this.partitions.createFromDefault(partition);
			});
			assertThat(this.jdbc.sql("SELECT tableoid::regclass::text FROM messages.messages WHERE room_id = :room")
				.param("room", room)
				.query(String.class)
				.single()).endsWith(partition.name());
		}
		finally {
			this.jdbc.sql("DELETE FROM messages.messages WHERE room_id = :room").param("room", room).update();
			this.jdbc.sql("DROP TABLE IF EXISTS messages." + partition.name()).update();
		}
	}

	@Test
	void detachesMonthsPastTheRetentionPeriod() {
		MonthPartition ancient = new MonthPartition(YearMonth.of(2001, 1 + (int) (Math.random() * 12)));
		this.jdbc.sql("DROP TABLE IF EXISTS messages." + ancient.name()).update();
		new TransactionTemplate(this.transactionManager)
			.executeWithoutResult((status) -> this.partitions.create(ancient));
		try {
			assertThat(attached()).contains(ancient.name());
			MessagePathProperties keepAYear = new MessagePathProperties(16, 2, 12,
					new MessagePathProperties.Persistence(1000, java.time.Duration.ofSeconds(2),
							java.time.Duration.ofSeconds(30), java.time.Duration.ofSeconds(10), 5,
							java.time.Duration.ofSeconds(2), java.time.Duration.ofSeconds(5),
							java.time.Duration.ofHours(1), java.time.Duration.ofMillis(100),
							java.time.Duration.ofHours(24)));
			new PartitionMaintenance(this.partitions, this.transactionManager, keepAYear).maintain();
			assertThat(attached()).doesNotContain(ancient.name())
				.contains(new MonthPartition(YearMonth.now(ZoneOffset.UTC)).name());
			assertThat(this.jdbc.sql("SELECT to_regclass(:name) IS NOT NULL")
				.param("name", "messages." + ancient.name())
				.query(Boolean.class)
				.single()).as("detached, not dropped").isTrue();
		}
		finally {
			this.jdbc.sql("DROP TABLE IF EXISTS messages." + ancient.name()).update();
		}
	}

	@Test
	void namesAndBoundsMonthsInUtc() {
		MonthPartition november = new MonthPartition(YearMonth.of(2026, 11));
		assertThat(november.name()).isEqualTo("messages_2026_11");
		assertThat(november.from().toInstant()).isEqualTo(Instant.parse("2026-11-01T00:00:00Z"));
		assertThat(november.to().toInstant()).isEqualTo(Instant.parse("2026-12-01T00:00:00Z"));
		assertThat(MonthPartition.needed(YearMonth.of(2026, 12), 2)).extracting(MonthPartition::name)
			.containsExactly("messages_2026_12", "messages_2027_01", "messages_2027_02");
		assertThat(MonthPartition.parse("messages_2026_11")).contains(november);
		assertThat(MonthPartition.parse("messages_default")).isEmpty();
		assertThat(november.expired(YearMonth.of(2027, 11), 12)).isFalse();
		assertThat(november.expired(YearMonth.of(2027, 12), 12)).isTrue();
		assertThat(november.expired(YearMonth.of(2099, 1), 0)).isFalse();
	}

	private List<String> attached() {
		return this.partitions.attachedPartitions();
	}

}
