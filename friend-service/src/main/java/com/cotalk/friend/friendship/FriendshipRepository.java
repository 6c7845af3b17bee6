package com.cotalk.friend.friendship;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Both directions of every friendship, so that each user's list is one index range. */
@Repository
class FriendshipRepository {

	private final JdbcClient jdbc;

	FriendshipRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	void insertBothWays(UUID one, UUID other) {
		this.jdbc.sql("""
				INSERT INTO friendships (user_id, friend_id) VALUES (:one, :other), (:other, :one)
				ON CONFLICT DO NOTHING""").param("one", one).param("other", other).update();
	}

	/**
	 * @return whether there was a friendship
	 */
	boolean deleteBothWays(UUID one, UUID other) {
		return this.jdbc.sql("""
				DELETE FROM friendships
				WHERE (user_id = :one AND friend_id = :other) OR (user_id = :other AND friend_id = :one)""")
			.param("one", one)
			.param("other", other)
			.update() > 0;
	}

	boolean exists(UUID userId, UUID friendId) {
		return this.jdbc.sql("SELECT EXISTS (SELECT 1 FROM friendships WHERE user_id = :user AND friend_id = :friend)")
			.param("user", userId)
			.param("friend", friendId)
			.query(Boolean.class)
			.single();
	}

	List<Friendship> findByUser(UUID userId) {
		return this.jdbc.sql("SELECT friend_id, since FROM friendships WHERE user_id = :user")
			.param("user", userId)
			.query((rs, row) -> new Friendship(rs.getObject("friend_id", UUID.class),
					rs.getObject("since", OffsetDateTime.class).toInstant()))
			.list();
	}

	List<UUID> findFriendIds(UUID userId) {
		return this.jdbc.sql("SELECT friend_id FROM friendships WHERE user_id = :user ORDER BY friend_id")
			.param("user", userId)
			.query(UUID.class)
			.list();
	}

}
