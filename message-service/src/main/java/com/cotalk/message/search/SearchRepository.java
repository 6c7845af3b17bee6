package com.cotalk.message.search;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.SqlArrayValue;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

import com.cotalk.message.StoredMessage;

/**
 * The search query (see V2__message_search.sql): the GIN index of each partition returns
 * the TEXT messages of the given rooms holding every bigram of the text, a LIKE on those
 * candidates keeps the real matches, newest first by message id (UUIDv7). The bound on
 * {@code sent_at} leaves out the month partitions created ahead, which hold nothing yet
 * (a few minutes of slack for the clocks of chat-service's hosts).
 */
@Repository
class SearchRepository {

	/** The largest UUID: "before" nothing. */
	private static final UUID NEWEST = new UUID(-1L, -1L);

	private static final Duration CLOCK_SLACK = Duration.ofMinutes(5);

	static final String SEARCH_SQL = """
			SELECT %s FROM messages.messages
			WHERE content_type = 'TEXT'
			  AND messages.search_keys(room_id, content) COLLATE "C" @> messages.bigrams(:text)
			  AND messages.search_keys(room_id, content) COLLATE "C" && :roomKeys
			  AND lower(content) LIKE '%%' || replace(replace(replace(lower(:text), '\\', '\\\\'), '%%', '\\%%'), '_', '\\_')
			                        || '%%' ESCAPE '\\'
			  AND message_id < :before
			  AND sent_at < :sentBefore
			ORDER BY message_id DESC
			LIMIT :limit
			"""
		.formatted(StoredMessage.COLUMNS);

	private final JdbcClient jdbc;

	SearchRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Transactional(readOnly = true)
	List<StoredMessage> search(Collection<UUID> roomIds, String text, @Nullable UUID before, int limit) {
		return this.jdbc.sql(SEARCH_SQL)
			.param("text", text)
			.param("roomKeys", new SqlArrayValue("text", roomIds.stream().map(UUID::toString).toArray()))
			.param("before", (before != null) ? before : NEWEST)
			.param("sentBefore", OffsetDateTime.now(ZoneOffset.UTC).plus(CLOCK_SLACK))
			.param("limit", limit)
			.query(StoredMessage::from)
			.list();
	}

}
