package com.cotalk.message.stream;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.jdbc.UncategorizedSQLException;

import com.cotalk.common.messages.MessageEvent;
import com.cotalk.message.stream.TrimPoint.GroupPosition;

import io.lettuce.core.StreamMessage;
import tools.jackson.databind.json.JsonMapper;

class PersistenceUnitTests {

	@Test
	void trimsBelowTheOldestEntryAnyGroupStillNeeds() {
		GroupPosition caughtUp = new GroupPosition("message-service", 0, "1700000000000-5", null, 0);
		GroupPosition behind = new GroupPosition("search", 2, "1700000000000-9", "1700000000000-3", 0);
		GroupPosition neverRead = new GroupPosition("audit", 0, "0-0", null, -1);
		TrimPoint.StreamId noFloor = TrimPoint.StreamId.parse("0-0");
		assertThat(TrimPoint.minId(List.of(caughtUp), "message-service", noFloor)).contains("1700000000000-6");
		assertThat(TrimPoint.minId(List.of(caughtUp, behind), "message-service", noFloor)).contains("1700000000000-3");
		assertThat(TrimPoint.minId(List.of(caughtUp, neverRead), "message-service", noFloor)).isEmpty();
		assertThat(TrimPoint.minId(List.of(), "message-service", noFloor)).isEmpty();
	}

	@Test
	void anotherGroupHoldsNothingOlderThanTheRetentionButOursIsNeverOvertaken() {
		TrimPoint.StreamId floor = TrimPoint.StreamId.parse("1700000000000-0");
		GroupPosition ours = new GroupPosition("message-service", 0, "1700000005000-0", null, 0);
		GroupPosition goneLong = new GroupPosition("notification-service", 3, "1600000000000-9", "1600000000000-1", 0);
		GroupPosition recent = new GroupPosition("notification-service", 1, "1700000001000-0", "1700000001000-0", 0);
		assertThat(TrimPoint.minId(List.of(ours, goneLong), "message-service", floor)).contains("1700000000000-0");
		assertThat(TrimPoint.minId(List.of(ours, recent), "message-service", floor)).contains("1700000001000-0");
		GroupPosition oursBehind = new GroupPosition("message-service", 2, "1700000005000-0", "1500000000000-0", 0);
		assertThat(TrimPoint.minId(List.of(oursBehind, goneLong), "message-service", floor))
			.contains("1500000000000-0");
	}

	@Test
	void ordersStreamIdsAsRedisDoes() {
		assertThat(TrimPoint.StreamId.parse("9-1")).isLessThan(TrimPoint.StreamId.parse("10-0"));
		assertThat(TrimPoint.StreamId.parse("10-2")).isGreaterThan(TrimPoint.StreamId.parse("10-1"));
		assertThat(TrimPoint.StreamId.parse("10-2").next()).hasToString("10-3");
	}

	@Test
	void blamesTheRowOnlyForDataAndIntegrityErrors() {
		assertThat(DatabaseFaults
			.isEntryFault(new DataIntegrityViolationException("x", new SQLException("invalid byte sequence", "22021"))))
			.isTrue();
		assertThat(DatabaseFaults
			.isEntryFault(new DataIntegrityViolationException("x", new SQLException("null value", "23502")))).isTrue();
		assertThat(DatabaseFaults
			.isEntryFault(new CannotGetJdbcConnectionException("x", new SQLException("Connection refused", "08001"))))
			.isFalse();
		assertThat(DatabaseFaults
			.isEntryFault(new UncategorizedSQLException("x", "INSERT", new SQLException("shutting down", "57P01"))))
			.isFalse();
		assertThat(DatabaseFaults.isEntryFault(new IllegalStateException("no SQL state"))).isFalse();
		assertThat(DatabaseFaults.describe(new CannotGetJdbcConnectionException("x", new SQLException("r", "08001"))))
			.isEqualTo("SQLSTATE 08001");
	}

	@Test
	void backsOffExponentiallyUpToTheLimit() {
		Backoff backoff = new Backoff(Duration.ofMillis(50), Duration.ofSeconds(5));
		assertThat(List.of(backoff.next(), backoff.next(), backoff.next())).containsExactly(Duration.ofMillis(50),
				Duration.ofMillis(100), Duration.ofMillis(200));
		for (int i = 0; i < 40; i++) {
			assertThat(backoff.next()).isLessThanOrEqualTo(Duration.ofSeconds(5));
		}
		backoff.reset();
		assertThat(backoff.next()).isEqualTo(Duration.ofMillis(50));
	}

	@Test
	void rejectsEntriesThatCanNeverBeStored() {
		JsonMapper json = JsonMapper.builder().build();
		MessageEvent valid = MessageEvent.accepted(UUID.randomUUID(), UUID.randomUUID(), 1, UUID.randomUUID(), "c",
				"TEXT", "hi", Instant.now());
		String newer = json.writeValueAsString(valid).replace("{\"type\"", "{\"futureField\":1,\"type\"");
		EntryParser.Parsed parsed = new EntryParser(json).parse(List.of(entry("1-0", json.writeValueAsString(valid)),
				entry("2-0", newer), entry("3-0", "nonsense"), entry("4-0", "{\"type\":\"message.updated\"}"),
				new StreamMessage<>("s", "5-0", Map.of("other", "x")), new StreamMessage<>("s", "6-0", null),
				entry("7-0", json.writeValueAsString(valid).replace("\"seq\":1", "\"seq\":0"))));
		assertThat(parsed.valid()).extracting(Entry::id).containsExactly("1-0", "2-0");
		assertThat(parsed.rejected()).extracting((rejected) -> rejected.entry().getId() + " " + rejected.reason())
			.containsExactly("3-0 not JSON", "4-0 unsupported event type 'message.updated'", "5-0 no 'event' field",
					"7-0 seq must be at least 1");
		assertThat(parsed.gone()).containsExactly("6-0");
	}

	private static StreamMessage<String, String> entry(String id, String event) {
		return new StreamMessage<>("s", id, Map.of("event", event));
	}

}
