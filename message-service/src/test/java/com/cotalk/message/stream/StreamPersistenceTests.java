package com.cotalk.message.stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.Range;
import org.springframework.data.redis.connection.stream.MapRecord;
import org.springframework.data.redis.connection.stream.PendingMessages;
import org.springframework.data.redis.core.script.RedisScript;

import com.cotalk.common.messages.MessageEvent;
import com.cotalk.common.messages.MessageKeys;
import com.cotalk.message.MessageServiceTestSupport;

class StreamPersistenceTests extends MessageServiceTestSupport {

	/**
	 * Appends and, in the same atomic step, reads as another consumer that then dies
	 * without acknowledging.
	 */
	private static final RedisScript<String> APPEND_AND_ABANDON = RedisScript.of("""
			local id = redis.call('XADD', KEYS[1], '*', 'event', ARGV[1])
			redis.call('XREADGROUP', 'GROUP', ARGV[2], ARGV[3], 'COUNT', '1000', 'STREAMS', KEYS[1], '>')
			return id
			""", String.class);

	@Autowired
	StreamConsumer consumer;

	@Test
	void storesEachAppendedMessageOnceEvenWhenItArrivesTwice() {
		UUID room = UUID.randomUUID();
		MessageEvent first = message(room, 1);
		MessageEvent second = message(room, 2);
		append(first);
		append(second);
		append(first); // chat-service retried the append
		awaitStored(room, 2);
		MessageEvent stored = storedMessage(room, 1);
		assertThat(stored).isEqualTo(first);
		assertThat(storedMessage(room, 2)).isEqualTo(second);
		await().during(Duration.ofMillis(500)).atMost(Duration.ofSeconds(2)).until(() -> storedCount(room) == 2);
	}

	@Test
	void storesABatchOfFiveThousandMessages() {
		List<UUID> rooms = new ArrayList<>();
		List<MessageEvent> events = new ArrayList<>();
		for (int r = 0; r < 50; r++) {
			UUID room = UUID.randomUUID();
			rooms.add(room);
			for (int seq = 1; seq <= 100; seq++) {
				events.add(message(room, seq));
			}
		}
		appendAll(events);
		await().atMost(Duration.ofSeconds(60))
			.pollInterval(Duration.ofMillis(100))
			.until(() -> this.jdbc.sql("SELECT count(*) FROM messages.messages WHERE room_id IN (:rooms)")
				.param("rooms", rooms)
				.query(Long.class)
				.single() == 5_000);
	}

	@Test
	void keepsItsPlaceInTheStreamAcrossARestart() {
		UUID room = UUID.randomUUID();
		this.consumer.stop();
		try {
			for (int seq = 1; seq <= 3; seq++) {
				append(message(room, seq));
			}
			await().during(Duration.ofMillis(300)).atMost(Duration.ofSeconds(1)).until(() -> storedCount(room) == 0);
		}
		finally {
			this.consumer.start();
		}
		awaitStored(room, 3);
		assertThat(this.redis.opsForStream().groups(MessageKeys.stream(partition(room))).stream())
			.anyMatch((group) -> group.groupName().equals(MessageKeys.PERSISTENCE_GROUP));
	}

	@Test
	void takesOverEntriesADeadConsumerLeftPending() {
		UUID room = UUID.randomUUID();
		String stream = MessageKeys.stream(partition(room));
		String deadConsumer = "dead-" + UUID.randomUUID();
		String id = this.redis.execute(APPEND_AND_ABANDON, List.of(stream), JSON.writeValueAsString(message(room, 1)),
				MessageKeys.PERSISTENCE_GROUP, deadConsumer);
		PendingMessages left = this.redis.opsForStream()
			.pending(stream, org.springframework.data.redis.connection.stream.Consumer
				.from(MessageKeys.PERSISTENCE_GROUP, deadConsumer), Range.unbounded(), 1000);
		assertThat(left.stream()).anyMatch((pending) -> pending.getIdAsString().equals(id));
		awaitStored(room, 1);
		await().atMost(Duration.ofSeconds(10))
			.until(() -> this.redis.opsForStream()
				.pending(stream, MessageKeys.PERSISTENCE_GROUP, Range.closed(id, id), 1)
				.isEmpty());
	}

	@Test
	void deadLettersAMalformedEntryWithoutHoldingUpTheOthers() {
		UUID room = UUID.randomUUID();
		int partition = partition(room);
		append(message(room, 1));
		String malformed = appendRaw(partition, "{\"type\":\"message\",\"seq\":");
		String incomplete = appendRaw(partition, "{\"type\":\"message\",\"roomId\":\"" + room + "\",\"seq\":7}");
		append(message(room, 2));
		awaitStored(room, 2);
		await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
			assertThat(deadLetter(partition, malformed)).containsEntry("reason", "not JSON")
				.containsEntry("entry.event", "{\"type\":\"message\",\"seq\":");
			assertThat(deadLetter(partition, incomplete).get("reason")).startsWith("not a message event: ");
		});
		assertThat(this.redis.opsForStream()
			.pending(MessageKeys.stream(partition), MessageKeys.PERSISTENCE_GROUP, Range.closed(malformed, incomplete),
					10)
			.isEmpty()).isTrue();
	}

	@Test
	void deadLettersAMessagePostgresKeepsRefusingAfterItsDeliveries() {
		UUID room = UUID.randomUUID();
		int partition = partition(room);
		MessageEvent good = message(room, 1);
		MessageEvent poison = MessageEvent.accepted(UUID.randomUUID(), room, 2, UUID.randomUUID(), "c-2", "TEXT",
				"a NUL \u0000 PostgreSQL text cannot hold", good.sentAt());
		MessageEvent after = message(room, 3);
		append(good);
		String poisonId = append(poison);
		append(after);
		awaitStored(room, 2);
		await().atMost(Duration.ofSeconds(30))
			.untilAsserted(() -> assertThat(deadLetter(partition, poisonId)).containsEntry("deliveries", "3")
				.hasEntrySatisfying("reason",
						(reason) -> assertThat(reason).startsWith("PostgreSQL refused the row: SQLSTATE 22")));
		assertThat(storedCount(room)).isEqualTo(2);
	}

	@Test
	void neverTrimsEntriesAnotherGroupHasNotRead() {
		UUID room = UUID.randomUUID();
		String stream = MessageKeys.stream(partition(room));
		String auditGroup = "test-audit-" + UUID.randomUUID();
		// only this test's group may lag: groups left on the shared test Redis by other
		// runs
		// (notification-service's tests make theirs) would hold trimming back
		this.redis.opsForStream()
			.groups(stream)
			.stream()
			.filter((group) -> !group.groupName().equals(MessageKeys.PERSISTENCE_GROUP))
			.forEach((group) -> this.redis.opsForStream().destroyGroup(stream, group.groupName()));
		this.redis.opsForStream()
			.createGroup(stream, org.springframework.data.redis.connection.stream.ReadOffset.latest(), auditGroup);
		List<String> ids = new ArrayList<>();
		try {
			for (int seq = 1; seq <= 3; seq++) {
				ids.add(append(message(room, seq)));
			}
			awaitStored(room, 3);
			await().during(Duration.ofSeconds(2))
				.atMost(Duration.ofSeconds(4))
				.until(() -> rangeSize(stream, ids) == 3);
		}
		finally {
			this.redis.opsForStream().destroyGroup(stream, auditGroup);
		}
		List<String> later = List.of(append(message(room, 4)));
		awaitStored(room, 4);
		await().atMost(Duration.ofSeconds(30))
			.until(() -> rangeSize(stream, later) == 0 && rangeSize(stream, ids) == 0);
	}

	private long rangeSize(String stream, List<String> ids) {
		return this.redis.opsForStream().range(stream, Range.closed(ids.getFirst(), ids.getLast())).size();
	}

	private Map<String, String> deadLetter(int partition, String id) {
		return this.redis.opsForStream()
			.range(MessageKeys.deadLetterStream(partition), Range.unbounded())
			.stream()
			.map(MapRecord::getValue)
			.filter((letter) -> id.equals(letter.get("id")))
			.findFirst()
			.map((letter) -> {
				Map<String, String> text = new java.util.HashMap<>();
				letter.forEach((field, value) -> text.put(String.valueOf(field), String.valueOf(value)));
				return text;
			})
			.orElse(Map.of());
	}

	private MessageEvent storedMessage(UUID room, long seq) {
		return this.jdbc
			.sql("""
					SELECT message_id, room_id, seq, sender_id, client_msg_id, content_type, content, sent_at, edited_at, deleted
					FROM messages.messages WHERE room_id = :room AND seq = :seq
					""")
			.param("room", room)
			.param("seq", seq)
			.query((rs, row) -> new MessageEvent(MessageEvent.TYPE, MessageEvent.VERSION, rs.getObject(1, UUID.class),
					rs.getObject(2, UUID.class), rs.getLong(3), rs.getObject(4, UUID.class), rs.getString(5),
					rs.getString(6), rs.getString(7), rs.getObject(8, java.time.OffsetDateTime.class).toInstant(), null,
					rs.getBoolean(10)))
			.single();
	}

}
