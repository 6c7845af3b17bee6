package com.cotalk.chat.member;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class MembershipRepository {

	private final JdbcClient jdbc;

	MembershipRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Two primary-key lookups and one unique-index lookup. */
	Optional<Membership> find(UUID roomId, UUID userId) {
		return this.jdbc.sql("""
				SELECT r.type, d.user_lo, d.user_hi
				FROM members m
				JOIN rooms r ON r.id = m.room_id
				LEFT JOIN direct_rooms d ON d.room_id = m.room_id
				WHERE m.room_id = :room AND m.user_id = :user""")
			.param("room", roomId)
			.param("user", userId)
			.query((rs, row) -> {
				UUID lo = rs.getObject("user_lo", UUID.class);
				UUID hi = rs.getObject("user_hi", UUID.class);
				UUID other = (lo == null) ? null : (userId.equals(lo) ? hi : lo);
				return new Membership(roomId, userId, rs.getString("type"), other);
			})
			.optional();
	}

	List<UUID> findRoomIdsOf(UUID userId) {
		return this.jdbc.sql("SELECT room_id FROM members WHERE user_id = :user")
			.param("user", userId)
			.query(UUID.class)
			.list();
	}

}
