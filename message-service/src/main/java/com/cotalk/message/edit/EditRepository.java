package com.cotalk.message.edit;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import com.cotalk.message.StoredMessage;

/**
 * Reads and changes single messages on the primary (never a replica: the message was just
 * stored and is about to change). Updates name the whole primary key, sent_at included,
 * so they touch one month partition only; their conditions make a concurrent delete win
 * over an edit.
 */
@Repository
class EditRepository {

	private final JdbcClient jdbc;

	EditRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	Optional<StoredMessage> find(UUID roomId, long seq) {
		return this.jdbc
			.sql("SELECT " + StoredMessage.COLUMNS + " FROM messages.messages WHERE room_id = :roomId AND seq = :seq")
			.param("roomId", roomId)
			.param("seq", seq)
			.query(StoredMessage::from)
			.optional();
	}

	/** The new edit time, or empty when the message was deleted meanwhile. */
	Optional<Instant> edit(StoredMessage message, String content) {
		return this.jdbc.sql("""
				UPDATE messages.messages SET content = :content, edited_at = now()
				WHERE room_id = :roomId AND seq = :seq AND sent_at = :sentAt AND NOT deleted
				RETURNING edited_at
				""")
			.param("content", content)
			.param("roomId", message.roomId())
			.param("seq", message.seq())
			.param("sentAt", OffsetDateTime.ofInstant(message.sentAt(), ZoneOffset.UTC))
			.query((rs, row) -> rs.getObject("edited_at", OffsetDateTime.class).toInstant())
			.optional();
	}

	/**
	 * Drops the text for good (and with it the message's search keys); true when this
	 * call deleted it, false when it already was.
	 */
	boolean delete(StoredMessage message) {
		return this.jdbc.sql("""
				UPDATE messages.messages SET content = NULL, deleted = true, edited_at = now()
				WHERE room_id = :roomId AND seq = :seq AND sent_at = :sentAt AND NOT deleted
				""")
			.param("roomId", message.roomId())
			.param("seq", message.seq())
			.param("sentAt", OffsetDateTime.ofInstant(message.sentAt(), ZoneOffset.UTC))
			.update() == 1;
	}

}
