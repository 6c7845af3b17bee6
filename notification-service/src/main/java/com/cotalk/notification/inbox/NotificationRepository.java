package com.cotalk.notification.inbox;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import tools.jackson.databind.json.JsonMapper;

@Repository
class NotificationRepository {

	private static final String COLUMNS = "id, user_id, type, data, created_at, read_at IS NOT NULL AS read";

	private final JdbcClient jdbc;

	private final JsonMapper json;

	private final RowMapper<Notification> mapper = this::map;

	NotificationRepository(JdbcClient jdbc, JsonMapper json) {
		this.jdbc = jdbc;
		this.json = json;
	}

	/** The notification stored, or empty when its dedupe key was stored before. */
	Optional<Notification> insert(UUID id, NewNotification notification, Instant createdAt) {
		return this.jdbc.sql("""
				INSERT INTO notifications (id, user_id, type, data, dedupe_key, created_at)
				VALUES (:id, :user, :type, CAST(:data AS jsonb), :key, :createdAt)
				ON CONFLICT (dedupe_key) DO NOTHING
				RETURNING %s""".formatted(COLUMNS))
			.param("id", id)
			.param("user", notification.userId())
			.param("type", notification.type().name())
			.param("data", this.json.writeValueAsString(notification.data()))
			.param("key", notification.dedupeKey())
			.param("createdAt", OffsetDateTime.ofInstant(createdAt, ZoneOffset.UTC))
			.query(this.mapper)
			.optional();
	}

	/** Newest first, older than {@code before} when given; served by (user_id, id). */
	List<Notification> findPage(UUID userId, @Nullable UUID before, int limit) {
		String olderThan = (before != null) ? " AND id < :before" : "";
		JdbcClient.StatementSpec query = this.jdbc.sql("""
				SELECT %s FROM notifications WHERE user_id = :user%s
				ORDER BY id DESC LIMIT :limit""".formatted(COLUMNS, olderThan))
			.param("user", userId)
			.param("limit", limit);
		if (before != null) {
			query = query.param("before", before);
		}
		return query.query(this.mapper).list();
	}

	long countUnread(UUID userId) {
		return this.jdbc.sql("SELECT count(*) FROM notifications WHERE user_id = :user AND read_at IS NULL")
			.param("user", userId)
			.query(Long.class)
			.single();
	}

	/** False when the user has no such notification. */
	boolean markRead(UUID userId, UUID id) {
		return this.jdbc.sql("""
				UPDATE notifications SET read_at = coalesce(read_at, now())
				WHERE id = :id AND user_id = :user""").param("id", id).param("user", userId).update() > 0;
	}

	private Notification map(ResultSet rs, int row) throws SQLException {
		return new Notification(rs.getObject("id", UUID.class), rs.getObject("user_id", UUID.class),
				NotificationType.valueOf(rs.getString("type")),
				this.json.readValue(rs.getString("data"), NotificationData.class),
				rs.getObject("created_at", OffsetDateTime.class).toInstant(), rs.getBoolean("read"));
	}

}
