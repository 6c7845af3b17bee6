package com.cotalk.message;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/** A row of {@code messages.messages}. */
public record StoredMessage(UUID messageId, UUID roomId, long seq, UUID senderId, String clientMsgId,
		String contentType, @Nullable String content, Instant sentAt, @Nullable Instant editedAt, boolean deleted) {

	/** The columns {@link #from(ResultSet, int)} reads, for a SELECT list. */
	public static final String COLUMNS = "message_id, room_id, seq, sender_id, client_msg_id, content_type, content, "
			+ "sent_at, edited_at, deleted";

	public static final String TEXT = "TEXT";

	/** A row mapper for {@link #COLUMNS}. */
	public static StoredMessage from(ResultSet rs, int row) throws SQLException {
		return new StoredMessage(rs.getObject("message_id", UUID.class), rs.getObject("room_id", UUID.class),
				rs.getLong("seq"), rs.getObject("sender_id", UUID.class), rs.getString("client_msg_id"),
				rs.getString("content_type"), rs.getString("content"),
				rs.getObject("sent_at", OffsetDateTime.class).toInstant(),
				instant(rs.getObject("edited_at", OffsetDateTime.class)), rs.getBoolean("deleted"));
	}

	private static @Nullable Instant instant(@Nullable OffsetDateTime value) {
		return (value != null) ? value.toInstant() : null;
	}

}
