package com.cotalk.message.history;

import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.SqlArrayValue;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

import com.cotalk.message.StoredMessage;

/**
 * Reads of stored messages, every one keyed by room and ordered by seq: served by the
 * leading {@code (room_id, seq)} columns of each partition's primary key. The read-only
 * transactions sit here rather than in the service because the service first asks
 * chat-service for the members over HTTP, which must not hold a pooled connection.
 */
@Repository
class HistoryRepository {

	private static final String COLUMNS = StoredMessage.COLUMNS;

	/** The newest messages below {@code before}, newest first. */
	static final String NEWEST_SQL = """
			SELECT %s FROM messages.messages
			WHERE room_id = :roomId AND seq < :before
			ORDER BY seq DESC
			LIMIT :limit
			""".formatted(COLUMNS);

	/** The oldest messages between {@code after} and {@code before}, oldest first. */
	static final String OLDEST_SQL = """
			SELECT %s FROM messages.messages
			WHERE room_id = :roomId AND seq > :after AND seq < :before
			ORDER BY seq
			LIMIT :limit
			""".formatted(COLUMNS);

	static final String LAST_MESSAGES_SQL = """
			SELECT m.room_id, m.seq, m.sender_id, m.content_type, m.sent_at,
			       CASE WHEN m.deleted THEN NULL ELSE left(m.content, :previewLength) END AS preview
			FROM unnest(:roomIds) AS r(room_id)
			CROSS JOIN LATERAL (
			    SELECT room_id, seq, sender_id, content_type, content, deleted, sent_at
			    FROM messages.messages
			    WHERE room_id = r.room_id
			    ORDER BY seq DESC
			    LIMIT 1) m
			""";

	static final int PREVIEW_LENGTH = 100;

	private final JdbcClient jdbc;

	HistoryRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Up to {@code limit} messages of the page, in the order the query reads them (see
	 * {@link HistoryQuery}).
	 */
	@Transactional(readOnly = true)
	List<StoredMessage> findPage(UUID roomId, HistoryQuery query, int limit) {
		long before = (query.before() != null) ? query.before() : Long.MAX_VALUE;
		if (query.fromNewest()) {
			return this.jdbc.sql(NEWEST_SQL)
				.param("roomId", roomId)
				.param("before", before)
				.param("limit", limit)
				.query(StoredMessage::from)
				.list();
		}
		return this.jdbc.sql(OLDEST_SQL)
			.param("roomId", roomId)
			.param("after", query.after())
			.param("before", before)
			.param("limit", limit)
			.query(StoredMessage::from)
			.list();
	}

	/**
	 * The highest stored seq of the room, 0 when none. Deliberately not read-only:
	 * re-seeding a room's counter must see every committed message, so it reads the
	 * primary, never a replica that may lag.
	 */
	long maxSeq(UUID roomId) {
		return this.jdbc.sql("SELECT coalesce(max(seq), 0) FROM messages.messages WHERE room_id = :roomId")
			.param("roomId", roomId)
			.query(Long.class)
			.single();
	}

	/** One probe of the index per room, all in one statement. */
	@Transactional(readOnly = true)
	List<LastMessage> lastMessages(Collection<UUID> roomIds) {
		if (roomIds.isEmpty()) {
			return List.of();
		}
		return this.jdbc.sql(LAST_MESSAGES_SQL)
			.param("roomIds", new SqlArrayValue("uuid", roomIds.toArray()))
			.param("previewLength", PREVIEW_LENGTH)
			.query((rs, row) -> new LastMessage(rs.getObject("room_id", UUID.class), rs.getLong("seq"),
					rs.getObject("sender_id", UUID.class), rs.getString("content_type"), rs.getString("preview"),
					rs.getObject("sent_at", OffsetDateTime.class).toInstant()))
			.list();
	}

}
