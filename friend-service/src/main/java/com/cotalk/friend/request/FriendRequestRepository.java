package com.cotalk.friend.request;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class FriendRequestRepository {

	private static final String COLUMNS = "id, from_user_id, to_user_id, status, created_at, responded_at";

	private final JdbcClient jdbc;

	FriendRequestRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	FriendRequest insertPending(UUID id, UUID fromUserId, UUID toUserId) {
		return this.jdbc.sql("""
				INSERT INTO friend_requests (id, from_user_id, to_user_id, status) VALUES (:id, :from, :to, 'PENDING')
				RETURNING %s""".formatted(COLUMNS))
			.param("id", id)
			.param("from", fromUserId)
			.param("to", toUserId)
			.query(FriendRequestRepository::map)
			.single();
	}

	Optional<FriendRequest> findById(UUID id) {
		return this.jdbc.sql("SELECT " + COLUMNS + " FROM friend_requests WHERE id = :id")
			.param("id", id)
			.query(FriendRequestRepository::map)
			.optional();
	}

	Optional<FriendRequest> findPending(UUID fromUserId, UUID toUserId) {
		return this.jdbc.sql("""
				SELECT %s FROM friend_requests
				WHERE from_user_id = :from AND to_user_id = :to AND status = 'PENDING'""".formatted(COLUMNS))
			.param("from", fromUserId)
			.param("to", toUserId)
			.query(FriendRequestRepository::map)
			.optional();
	}

	/** Only a pending request is answered; empty when it no longer was. */
	Optional<FriendRequest> answer(UUID id, RequestStatus status) {
		return this.jdbc.sql("""
				UPDATE friend_requests SET status = :status, responded_at = now()
				WHERE id = :id AND status = 'PENDING'
				RETURNING %s""".formatted(COLUMNS))
			.param("id", id)
			.param("status", status.name())
			.query(FriendRequestRepository::map)
			.optional();
	}

	void cancelPendingBetween(UUID one, UUID other) {
		this.jdbc
			.sql("""
					UPDATE friend_requests SET status = 'CANCELLED', responded_at = now()
					WHERE status = 'PENDING'
					  AND ((from_user_id = :one AND to_user_id = :other) OR (from_user_id = :other AND to_user_id = :one))""")
			.param("one", one)
			.param("other", other)
			.update();
	}

	/** Newest first, served by the (to_user_id, status, created_at) index. */
	List<FriendRequest> findPendingTo(UUID toUserId, int limit) {
		return this.jdbc.sql("""
				SELECT %s FROM friend_requests WHERE to_user_id = :user AND status = 'PENDING'
				ORDER BY created_at DESC, id DESC LIMIT :limit""".formatted(COLUMNS))
			.param("user", toUserId)
			.param("limit", limit)
			.query(FriendRequestRepository::map)
			.list();
	}

	/** Newest first, served by the (from_user_id, status, created_at) index. */
	List<FriendRequest> findPendingFrom(UUID fromUserId, int limit) {
		return this.jdbc.sql("""
				SELECT %s FROM friend_requests WHERE from_user_id = :user AND status = 'PENDING'
				ORDER BY created_at DESC, id DESC LIMIT :limit""".formatted(COLUMNS))
			.param("user", fromUserId)
			.param("limit", limit)
			.query(FriendRequestRepository::map)
			.list();
	}

	private static FriendRequest map(ResultSet rs, int row) throws SQLException {
		OffsetDateTime respondedAt = rs.getObject("responded_at", OffsetDateTime.class);
		return new FriendRequest(rs.getObject("id", UUID.class), rs.getObject("from_user_id", UUID.class),
				rs.getObject("to_user_id", UUID.class), RequestStatus.valueOf(rs.getString("status")),
				rs.getObject("created_at", OffsetDateTime.class).toInstant(),
				(respondedAt != null) ? respondedAt.toInstant() : null);
	}

}
