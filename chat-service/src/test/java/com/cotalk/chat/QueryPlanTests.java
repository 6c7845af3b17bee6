package com.cotalk.chat;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The hot queries are served by indexes (sequential scans switched off, so the plan shows
 * whether an index can serve the query at all, whatever the test table's size).
 */
class QueryPlanTests extends ChatApiTestSupport {

	@Autowired
	JdbcClient jdbc;

	@Autowired
	TransactionTemplate transactions;

	@Test
	void theChatListStartsFromTheUsersIndex() {
		assertThat(plan("""
				SELECT r.id, (SELECT count(*) FROM members c WHERE c.room_id = r.id)
				FROM members m JOIN rooms r ON r.id = m.room_id
				LEFT JOIN direct_rooms d ON d.room_id = r.id
				WHERE m.user_id = '%s' ORDER BY r.last_activity_at DESC LIMIT 500""")).contains("members_user_idx")
			.contains("members_pkey")
			.doesNotContain("Seq Scan");
	}

	@Test
	void theMembershipCheckIsAPrimaryKeyLookup() {
		assertThat(plan("""
				SELECT r.type FROM members m JOIN rooms r ON r.id = m.room_id
				LEFT JOIN direct_rooms d ON d.room_id = m.room_id
				WHERE m.room_id = '%1$s' AND m.user_id = '%1$s'""")).contains("members_pkey")
			.doesNotContain("Seq Scan");
	}

	private String plan(String sql) {
		String query = sql.formatted(UUID.randomUUID());
		return this.transactions.execute((status) -> {
			this.jdbc.sql("SET LOCAL enable_seqscan = off").update();
			List<String> lines = this.jdbc.sql("EXPLAIN " + query).query(String.class).list();
			return String.join("\n", lines);
		});
	}

}
