package com.cotalk.auth.profile;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class ProfileOutboxRepository {

	private final JdbcClient jdbc;

	ProfileOutboxRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	record PendingProfile(UUID accountId, String email, String displayName, int attempts) {
	}

	void add(UUID accountId, String email, String displayName) {
		this.jdbc.sql("INSERT INTO profile_outbox (account_id, email, display_name) VALUES (:id, :email, :name)")
			.param("id", accountId)
			.param("email", email)
			.param("name", displayName)
			.update();
	}

	/** Due entries, locked; other instances skip them instead of delivering twice. */
	List<PendingProfile> lockDue(int limit) {
		return this.jdbc.sql("""
				SELECT account_id, email, display_name, attempts FROM profile_outbox
				WHERE next_attempt_at <= now() ORDER BY next_attempt_at LIMIT :limit FOR UPDATE SKIP LOCKED""")
			.param("limit", limit)
			.query(PendingProfile.class)
			.list();
	}

	List<PendingProfile> lockOne(UUID accountId) {
		return this.jdbc.sql("""
				SELECT account_id, email, display_name, attempts FROM profile_outbox
				WHERE account_id = :id FOR UPDATE SKIP LOCKED""")
			.param("id", accountId)
			.query(PendingProfile.class)
			.list();
	}

	void delete(UUID accountId) {
		this.jdbc.sql("DELETE FROM profile_outbox WHERE account_id = :id").param("id", accountId).update();
	}

	void postpone(UUID accountId, Duration delay) {
		this.jdbc.sql("""
				UPDATE profile_outbox SET attempts = attempts + 1,
				       next_attempt_at = now() + make_interval(secs => :seconds)
				WHERE account_id = :id""").param("seconds", (double) delay.toSeconds()).param("id", accountId).update();
	}

	int countPending() {
		return this.jdbc.sql("SELECT count(*) FROM profile_outbox").query(Integer.class).single();
	}

}
