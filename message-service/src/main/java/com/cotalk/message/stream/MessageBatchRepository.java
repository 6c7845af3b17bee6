package com.cotalk.message.stream;

import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.SqlArrayValue;
import org.springframework.stereotype.Repository;

import com.cotalk.common.messages.MessageEvent;

/**
 * Writes a batch of messages in one statement: one array per column, unnested into rows.
 * One round trip and one plan whatever the batch size, and {@code ON CONFLICT DO NOTHING}
 * on the primary key skips what a redelivery brings again.
 */
@Repository
class MessageBatchRepository {

	private static final String INSERT = """
			INSERT INTO messages.messages (message_id, room_id, seq, sender_id, client_msg_id, content_type, content,
			                               sent_at, edited_at, deleted)
			SELECT * FROM unnest(:messageIds, :roomIds, :seqs, :senderIds, :clientMsgIds, :contentTypes, :contents,
			                     :sentAts, :editedAts, :deleted)
			ON CONFLICT DO NOTHING
			""";

	private final JdbcClient jdbc;

	MessageBatchRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * The number of rows inserted: redelivered messages already stored are not counted.
	 */
	int insert(List<MessageEvent> messages) {
		int n = messages.size();
		Object[] messageIds = new Object[n];
		Object[] roomIds = new Object[n];
		Object[] seqs = new Object[n];
		Object[] senderIds = new Object[n];
		Object[] clientMsgIds = new Object[n];
		Object[] contentTypes = new Object[n];
		Object[] contents = new Object[n];
		Object[] sentAts = new Object[n];
		Object[] editedAts = new Object[n];
		Object[] deleted = new Object[n];
		for (int i = 0; i < n; i++) {
			MessageEvent message = messages.get(i);
			messageIds[i] = message.messageId();
			roomIds[i] = message.roomId();
			seqs[i] = message.seq();
			senderIds[i] = message.senderId();
			clientMsgIds[i] = message.clientMsgId();
			contentTypes[i] = message.contentType();
			contents[i] = message.content();
			// ISO-8601 text is PostgreSQL's own timestamptz input format, exact to the
			// microsecond
			sentAts[i] = message.sentAt().toString();
			editedAts[i] = (message.editedAt() != null) ? message.editedAt().toString() : null;
			deleted[i] = message.deleted();
		}
		return this.jdbc.sql(INSERT)
			.param("messageIds", new SqlArrayValue("uuid", messageIds))
			.param("roomIds", new SqlArrayValue("uuid", roomIds))
			.param("seqs", new SqlArrayValue("int8", seqs))
			.param("senderIds", new SqlArrayValue("uuid", senderIds))
			.param("clientMsgIds", new SqlArrayValue("text", clientMsgIds))
			.param("contentTypes", new SqlArrayValue("text", contentTypes))
			.param("contents", new SqlArrayValue("text", contents))
			.param("sentAts", new SqlArrayValue("timestamptz", sentAts))
			.param("editedAts", new SqlArrayValue("timestamptz", editedAts))
			.param("deleted", new SqlArrayValue("bool", deleted))
			.update();
	}

}
