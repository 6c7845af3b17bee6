package com.cotalk.chat.room;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.SqlArrayValue;
import org.springframework.stereotype.Repository;

@Repository
class RoomRepository {

	/** The chat list's size limit. */
	static final int MAX_CHAT_LIST = 500;

	private final JdbcClient jdbc;

	RoomRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	void insertRoom(UUID roomId, String type, @Nullable String name) {
		this.jdbc.sql("INSERT INTO rooms (id, type, name) VALUES (:id, :type, :name)")
			.param("id", roomId)
			.param("type", type)
			.param("name", name)
			.update();
	}

	/**
	 * Claims the pair for the room; false when the pair has a room already (a concurrent
	 * claim waits for the other transaction and then finds its row).
	 */
	boolean claimDirectPair(UUID userLo, UUID userHi, UUID roomId) {
		return this.jdbc.sql("""
				INSERT INTO direct_rooms (user_lo, user_hi, room_id) VALUES (:lo, :hi, :room)
				ON CONFLICT (user_lo, user_hi) DO NOTHING""")
			.param("lo", userLo)
			.param("hi", userHi)
			.param("room", roomId)
			.update() == 1;
	}

	UUID findDirectRoom(UUID userLo, UUID userHi) {
		return this.jdbc.sql("SELECT room_id FROM direct_rooms WHERE user_lo = :lo AND user_hi = :hi")
			.param("lo", userLo)
			.param("hi", userHi)
			.query(UUID.class)
			.single();
	}

	/** Of the users, those who are members of at least {@code limit} rooms. */
	List<UUID> usersInAtLeast(Collection<UUID> userIds, int limit) {
		return this.jdbc.sql("""
				SELECT user_id FROM members WHERE user_id = ANY(:users)
				GROUP BY user_id HAVING count(*) >= :limit""")
			.param("users", new SqlArrayValue("uuid", userIds.toArray()))
			.param("limit", limit)
			.query(UUID.class)
			.list();
	}

	/** The users that were not members yet. */
	List<UUID> addMembers(UUID roomId, Collection<UUID> userIds) {
		return this.jdbc.sql("""
				INSERT INTO members (room_id, user_id) SELECT :room, u FROM unnest(:users) AS u
				ON CONFLICT DO NOTHING RETURNING user_id""")
			.param("room", roomId)
			.param("users", new SqlArrayValue("uuid", userIds.toArray()))
			.query(UUID.class)
			.list();
	}

	boolean deleteMember(UUID roomId, UUID userId) {
		return this.jdbc.sql("DELETE FROM members WHERE room_id = :room AND user_id = :user")
			.param("room", roomId)
			.param("user", userId)
			.update() == 1;
	}

	boolean updateMuted(UUID roomId, UUID userId, boolean muted) {
		return this.jdbc.sql("UPDATE members SET muted = :muted WHERE room_id = :room AND user_id = :user")
			.param("muted", muted)
			.param("room", roomId)
			.param("user", userId)
			.update() == 1;
	}

	Optional<RoomRows.Room> findRoom(UUID roomId) {
		return this.jdbc.sql("""
				SELECT r.id, r.type, r.name, d.user_lo, d.user_hi
				FROM rooms r LEFT JOIN direct_rooms d ON d.room_id = r.id
				WHERE r.id = :room""")
			.param("room", roomId)
			.query((rs, row) -> new RoomRows.Room(rs.getObject("id", UUID.class), rs.getString("type"),
					rs.getString("name"), rs.getObject("user_lo", UUID.class), rs.getObject("user_hi", UUID.class)))
			.optional();
	}

	/** Oldest member first. */
	List<RoomRows.Member> findMembers(UUID roomId) {
		return this.jdbc.sql("""
				SELECT user_id, joined_at, last_read_seq, muted FROM members WHERE room_id = :room
				ORDER BY joined_at, user_id""")
			.param("room", roomId)
			.query((rs, row) -> new RoomRows.Member(rs.getObject("user_id", UUID.class), instant(rs, "joined_at"),
					rs.getLong("last_read_seq"), rs.getBoolean("muted")))
			.list();
	}

	/**
	 * One query for the whole chat list: the caller's memberships (index on user_id),
	 * each room by primary key, its member count from the members primary key, and a
	 * direct room's pair from its unique index.
	 */
	List<RoomRows.ChatListEntry> findChatList(UUID userId) {
		return this.jdbc.sql("""
				SELECT r.id, r.type, r.name, r.last_activity_at, m.last_read_seq, m.muted,
				       (SELECT count(*) FROM members c WHERE c.room_id = r.id) AS member_count,
				       CASE WHEN d.user_lo = :user THEN d.user_hi ELSE d.user_lo END AS other_id
				FROM members m
				JOIN rooms r ON r.id = m.room_id
				LEFT JOIN direct_rooms d ON d.room_id = r.id
				WHERE m.user_id = :user
				ORDER BY r.last_activity_at DESC, r.id DESC
				LIMIT :limit""")
			.param("user", userId)
			.param("limit", MAX_CHAT_LIST)
			.query((rs, row) -> new RoomRows.ChatListEntry(rs.getObject("id", UUID.class), rs.getString("type"),
					rs.getString("name"), instant(rs, "last_activity_at"), rs.getLong("last_read_seq"),
					rs.getBoolean("muted"), rs.getInt("member_count"), rs.getObject("other_id", UUID.class)))
			.list();
	}

	Optional<Instant> findJoinedAt(UUID roomId, UUID userId) {
		return this.jdbc.sql("SELECT joined_at FROM members WHERE room_id = :room AND user_id = :user")
			.param("room", roomId)
			.param("user", userId)
			.query((rs, row) -> instant(rs, "joined_at"))
			.optional();
	}

	List<UUID> findRoomIdsOf(UUID userId) {
		return this.jdbc.sql("SELECT room_id FROM members WHERE user_id = :user")
			.param("user", userId)
			.query(UUID.class)
			.list();
	}

	private static Instant instant(ResultSet rs, String column) throws SQLException {
		return rs.getObject(column, OffsetDateTime.class).toInstant();
	}

}
