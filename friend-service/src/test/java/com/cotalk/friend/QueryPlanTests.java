package com.cotalk.friend;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The queries on the hot paths can be answered from their indexes (sequential scans are
 * switched off, so the plan shows whether an index serves the query at all, whatever the
 * test table's size).
 */
class QueryPlanTests extends FriendApiTestSupport {

	@Autowired
	JdbcClient jdbc;

	@Autowired
	TransactionTemplate transactions;

	@Test
	void theFriendListIsARangeOfThePrimaryKey() {
		assertThat(plan("SELECT friend_id, since FROM friendships WHERE user_id = '%s'")).contains("friendships_pkey");
	}

	@Test
	void theRequestBoxesUseTheirIndexes() {
		assertThat(plan("""
				SELECT * FROM friend_requests WHERE to_user_id = '%s' AND status = 'PENDING'
				ORDER BY created_at DESC, id DESC LIMIT 100"""))
			// the planner may pick either index that covers pending requests to a user
			.containsAnyOf("friend_requests_to_status_idx", "friend_requests_one_pending_key")
			.doesNotContain("Seq Scan");
		assertThat(plan("""
				SELECT * FROM friend_requests WHERE from_user_id = '%s' AND status = 'PENDING'
				ORDER BY created_at DESC, id DESC LIMIT 100"""))
			// the partial unique index on pending (from, to) serves it as well
			.containsAnyOf("friend_requests_from_status_idx", "friend_requests_one_pending_key")
			.doesNotContain("Seq Scan");
	}

	@Test
	void theBlockCheckIsTwoPrimaryKeyLookups() {
		assertThat(plan("""
				SELECT EXISTS (SELECT 1 FROM blocks WHERE blocker_id = '%1$s' AND blocked_id = '%1$s')
				    OR EXISTS (SELECT 1 FROM blocks WHERE blocker_id = '%1$s' AND blocked_id = '%1$s')"""))
			.contains("blocks_pkey")
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
