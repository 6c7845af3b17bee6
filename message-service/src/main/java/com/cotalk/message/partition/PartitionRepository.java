package com.cotalk.message.partition;

import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * DDL on the partitions of {@code messages.messages}. Partition names and bounds come
 * from {@link MonthPartition} only, never from input, so formatting them into the
 * statements is safe.
 */
@Repository
class PartitionRepository {

	/** Every instance runs the maintenance; the lock makes them take turns. */
	private static final String LOCK = "SELECT pg_advisory_xact_lock(hashtextextended('cotalk.messages.partitions', 0))";

	private final JdbcClient jdbc;

	PartitionRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Holds until the transaction ends; DDL waits at most a few seconds for locks, never
	 * stalling ingestion long.
	 */
	void lockForMaintenance() {
		this.jdbc.sql("SET LOCAL lock_timeout = '5s'").update();
		this.jdbc.sql(LOCK).query((rs, row) -> 1).list();
	}

	List<String> attachedPartitions() {
		return this.jdbc.sql("""
				SELECT c.relname FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid
				WHERE i.inhparent = 'messages.messages'::regclass
				""").query(String.class).list();
	}

	boolean defaultHoldsRowsOf(MonthPartition partition) {
		return this.jdbc
			.sql("SELECT EXISTS (SELECT 1 FROM messages.messages_default WHERE sent_at >= :from AND sent_at < :to)")
			.param("from", partition.from())
			.param("to", partition.to())
			.query(Boolean.class)
			.single();
	}

	void create(MonthPartition partition) {
		this.jdbc
			.sql("CREATE TABLE messages.%s PARTITION OF messages.messages FOR VALUES FROM ('%s') TO ('%s')"
				.formatted(partition.name(), partition.from(), partition.to()))
			.update();
	}

	/**
	 * Creates the partition when the DEFAULT partition already caught rows of its month
	 * (which would make a plain CREATE fail): the rows move into the new table, which is
	 * then attached. Inserts wait meanwhile.
	 */
	void createFromDefault(MonthPartition partition) {
		String name = partition.name();
		this.jdbc.sql("LOCK TABLE messages.messages_default IN ACCESS EXCLUSIVE MODE").update();
		this.jdbc
			.sql("CREATE TABLE messages.%s (LIKE messages.messages INCLUDING DEFAULTS INCLUDING CONSTRAINTS)"
				.formatted(name))
			.update();
		this.jdbc.sql("""
				WITH moved AS (
				    DELETE FROM messages.messages_default WHERE sent_at >= :from AND sent_at < :to RETURNING *)
				INSERT INTO messages.%s SELECT * FROM moved
				""".formatted(name)).param("from", partition.from()).param("to", partition.to()).update();
		this.jdbc
			.sql("ALTER TABLE messages.messages ATTACH PARTITION messages.%s FOR VALUES FROM ('%s') TO ('%s')"
				.formatted(name, partition.from(), partition.to()))
			.update();
	}

	/**
	 * The table stays in the schema, out of every query, for operators to archive or
	 * drop.
	 */
	void detach(MonthPartition partition) {
		this.jdbc.sql("ALTER TABLE messages.messages DETACH PARTITION messages.%s".formatted(partition.name()))
			.update();
	}

}
