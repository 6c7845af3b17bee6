package com.cotalk.friend.block;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class BlockRepository {

	private final JdbcClient jdbc;

	BlockRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	void insert(UUID blockerId, UUID blockedId) {
		this.jdbc.sql("INSERT INTO blocks (blocker_id, blocked_id) VALUES (:blocker, :blocked) ON CONFLICT DO NOTHING")
			.param("blocker", blockerId)
			.param("blocked", blockedId)
			.update();
	}

	void delete(UUID blockerId, UUID blockedId) {
		this.jdbc.sql("DELETE FROM blocks WHERE blocker_id = :blocker AND blocked_id = :blocked")
			.param("blocker", blockerId)
			.param("blocked", blockedId)
			.update();
	}

	/** Two primary-key lookups. */
	boolean existsEitherWay(UUID one, UUID other) {
		return this.jdbc.sql("""
				SELECT EXISTS (SELECT 1 FROM blocks WHERE blocker_id = :one AND blocked_id = :other)
				    OR EXISTS (SELECT 1 FROM blocks WHERE blocker_id = :other AND blocked_id = :one)""")
			.param("one", one)
			.param("other", other)
			.query(Boolean.class)
			.single();
	}

	/**
	 * Which of the others blocked the user or were blocked by them: primary-key and
	 * {@code blocks_blocked_idx} lookups.
	 */
	List<UUID> blockedEitherWayAmong(UUID userId, List<UUID> others) {
		if (others.isEmpty()) {
			return List.of();
		}
		return this.jdbc.sql("""
				SELECT blocked_id FROM blocks WHERE blocker_id = :user AND blocked_id = ANY(:others)
				UNION
				SELECT blocker_id FROM blocks WHERE blocked_id = :user AND blocker_id = ANY(:others)""")
			.param("user", userId)
			.param("others", others.toArray(UUID[]::new))
			.query(UUID.class)
			.list();
	}

	/** Newest first. */
	List<Block> findByBlocker(UUID blockerId) {
		return this.jdbc.sql("""
				SELECT blocked_id, created_at FROM blocks WHERE blocker_id = :blocker
				ORDER BY created_at DESC, blocked_id""")
			.param("blocker", blockerId)
			.query((rs, row) -> new Block(rs.getObject("blocked_id", UUID.class),
					rs.getObject("created_at", OffsetDateTime.class).toInstant()))
			.list();
	}

}
