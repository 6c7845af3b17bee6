package com.cotalk.message.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.support.SqlArrayValue;

import com.cotalk.message.MessageServiceTestSupport;

/**
 * Search reads the bigram index of every month partition it touches, never a table scan.
 * The planner rightly scans a table of a few rows sequentially, so each partition the
 * query can reach (the past and current months, and the DEFAULT partition, which in
 * normal operation holds nothing at all) is given a fixture of chat-like messages in 500
 * rooms, once, and analyzed: the plan is then that of a real table. The caller is in 50
 * of those rooms, and the text is a common Korean word.
 */
class SearchIndexTests extends MessageServiceTestSupport {

	private static final int FIXTURE_PER_PARTITION = 30_000;

	private static final String FIXTURE = """
			INSERT INTO messages.messages (message_id, room_id, seq, sender_id, client_msg_id, content_type,
			                               content, sent_at)
			SELECT gen_random_uuid(), ('00000000-0000-7000-8000-' || lpad(to_hex(g %% 500), 12, '0'))::uuid,
			       g + floor(random() * 1e12)::bigint, gen_random_uuid(), 'search-fixture-' || g, 'TEXT',
			       (ARRAY['안녕하세요 오늘 회의 있어요', '점심 뭐 먹을까', 'see you tomorrow', '사랑해 고마워',
			              'the meeting is at 3', '사진 보내줘', '주말에 영화 볼래?', '커피 마실래'])[1 + g %% 8]
			       || ' ' || g, :sentAt
			FROM generate_series(1, %d) g
			""".formatted(FIXTURE_PER_PARTITION);

	List<String> partitions;

	@BeforeEach
	void everyPartitionWorthAnIndex() {
		YearMonth current = YearMonth.now(ZoneOffset.UTC);
		this.partitions = this.jdbc.sql("""
				SELECT c.relname FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid
				WHERE i.inhparent = 'messages.messages'::regclass
				""").query(String.class).list();
		for (String partition : this.partitions) {
			OffsetDateTime sentAt = sentAtIn(partition);
			if (sentAt == null || YearMonth.from(sentAt).isAfter(current)) {
				continue;
			}
			long fixture = this.jdbc
				.sql("SELECT count(*) FROM messages." + partition + " WHERE client_msg_id LIKE 'search-fixture-%'")
				.query(Long.class)
				.single();
			if (fixture < FIXTURE_PER_PARTITION) {
				this.jdbc.sql(FIXTURE).param("sentAt", sentAt).update();
			}
		}
		this.jdbc.sql("ANALYZE messages.messages").update();
	}

	@Test
	void searchUsesTheBigramIndexAndNeverScansATable() {
		List<String> rooms = IntStream.range(0, 50)
			.mapToObj((i) -> "00000000-0000-7000-8000-%012x".formatted(i * 10))
			.toList();
		String plan = String.join("\n",
				this.jdbc.sql("EXPLAIN " + SearchRepository.SEARCH_SQL)
					.param("text", "사랑")
					.param("roomKeys", new SqlArrayValue("text", rooms.toArray()))
					.param("before", new UUID(-1L, -1L))
					.param("sentFrom", OffsetDateTime.of(1970, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC))
					.param("sentBefore", OffsetDateTime.now(ZoneOffset.UTC).plusMinutes(5))
					.param("limit", 21)
					.query(String.class)
					.list());
		assertThat(plan).as(plan).contains("search_keys_idx").doesNotContain("Seq Scan");
	}

	/**
	 * A time inside the partition's range. The DEFAULT partition gets stragglers of 1999,
	 * a year no test makes a partition for (that partition would have to take them over).
	 */
	private static @Nullable OffsetDateTime sentAtIn(String partition) {
		if (partition.equals("messages_default")) {
			return OffsetDateTime.of(1999, 1, 1, 12, 0, 0, 0, ZoneOffset.UTC);
		}
		Matcher month = Pattern.compile("messages_(\\d{4})_(\\d{2})").matcher(partition);
		if (!month.matches()) {
			return null;
		}
		return OffsetDateTime.of(Integer.parseInt(month.group(1)), Integer.parseInt(month.group(2)), 1, 12, 0, 0, 0,
				ZoneOffset.UTC);
	}

}
