package com.cotalk.message.history;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.cotalk.message.MessageServiceTestSupport;

/**
 * History, max-seq and last-message reads are served by the (room_id, seq) primary key of
 * each month partition, never by a scan. The shared test database keeps a fixture of
 * 30,000 messages in 300 rooms of the current month (inserted once per month), analyzed,
 * so the plans are those of a real table rather than of a few test rows.
 */
class HistoryIndexTests extends MessageServiceTestSupport {

	private static final int FIXTURE_SIZE = 30_000;

	String currentPartition;

	@BeforeEach
	void ensureATableWorthAnIndex() {
		YearMonth month = YearMonth.now(ZoneOffset.UTC);
		this.currentPartition = "messages_%04d_%02d".formatted(month.getYear(), month.getMonthValue());
		long existing = this.jdbc.sql("SELECT count(*) FROM messages." + this.currentPartition)
			.query(Long.class)
			.single();
		if (existing < FIXTURE_SIZE) {
			this.jdbc.sql("""
					INSERT INTO messages.messages (message_id, room_id, seq, sender_id, client_msg_id, content_type,
					                               content, sent_at)
					SELECT gen_random_uuid(), r.room_id, s.seq, gen_random_uuid(), 'fixture-' || s.seq, 'TEXT',
					       md5(random()::text), now()
					FROM (SELECT gen_random_uuid() AS room_id FROM generate_series(1, 300)) r,
					     generate_series(1, 100) AS s(seq)
					""").update();
		}
		this.jdbc.sql("ANALYZE messages.messages").update();
	}

	@Test
	void historyPagesUseThePrimaryKey() {
		assertUsesIndex(explain(HistoryRepository.NEWEST_SQL.replace(":before", "9223372036854775807")));
		assertUsesIndex(explain(HistoryRepository.OLDEST_SQL.replace(":after", "5").replace(":before", "60")));
	}

	@Test
	void maxSeqAndLastMessagesUseThePrimaryKey() {
		assertUsesIndex(String.join("\n",
				this.jdbc.sql("EXPLAIN SELECT coalesce(max(seq), 0) FROM messages.messages WHERE room_id = :roomId")
					.param("roomId", UUID.randomUUID())
					.query(String.class)
					.list()));
		assertUsesIndex(String.join("\n",
				this.jdbc
					.sql("EXPLAIN " + HistoryRepository.LAST_MESSAGES_SQL.replace(":roomIds",
							"ARRAY['" + UUID.randomUUID() + "', '" + UUID.randomUUID() + "']::uuid[]"))
					.param("previewLength", 100)
					.query(String.class)
					.list()));
	}

	private String explain(String sql) {
		return String.join("\n",
				this.jdbc.sql("EXPLAIN " + sql)
					.param("roomId", UUID.randomUUID())
					.param("limit", 51)
					.query(String.class)
					.list());
	}

	private void assertUsesIndex(String plan) {
		assertThat(plan).as(plan)
			.contains(this.currentPartition + "_pkey")
			.doesNotContain("Seq Scan on " + this.currentPartition);
	}

}
