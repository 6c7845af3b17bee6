package com.cotalk.message.search;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
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
 * candidates keeps the real matches, newest first by message id (UUIDv7).
 * <p>
 * Every match in a partition the query reaches is fetched to sort the newest, so a search
 * walks back in time, one pruned query per window of whole months (the partitions are
 * months of {@code sent_at}, UTC): the current month, the one before, then 2, 4, 8 ...
 * months, and last everything older than the oldest month partition (the DEFAULT
 * partition), stopping as soon as a page is full. A common word costs the matches of the
 * newest month or two instead of all history; a rare one a few cheap index probes. The
 * upper bound leaves out the month partitions created ahead, which hold nothing yet (a
 * few minutes of slack for the clocks of chat-service's hosts); with a {@code before}
 * cursor it starts at that message's time.
 */
@Repository
class SearchRepository {

	/** The largest UUID: "before" nothing. */
	private static final UUID NEWEST = new UUID(-1L, -1L);

	private static final Duration CLOCK_SLACK = Duration.ofMinutes(5);

	/** Before every message: the last window's lower bound. */
	private static final OffsetDateTime BEGINNING = OffsetDateTime.of(1970, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC);

	private static final String OLDEST_MONTH_SQL = """
			SELECT min(c.relname) FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid
			WHERE i.inhparent = 'messages.messages'::regclass AND c.relname ~ '^messages_[0-9]{4}_[0-9]{2}$'
			""";

	static final String SEARCH_SQL = """
			SELECT %s FROM messages.messages
			WHERE content_type = 'TEXT'
			  AND messages.search_keys(room_id, content) COLLATE "C" @> messages.bigrams(:text)
			  AND messages.search_keys(room_id, content) COLLATE "C" && :roomKeys
			  AND lower(content) LIKE '%%' || replace(replace(replace(lower(:text), '\\', '\\\\'), '%%', '\\%%'), '_', '\\_')
			                        || '%%' ESCAPE '\\'
			  AND message_id < :before
			  AND sent_at >= :sentFrom
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
		SqlArrayValue roomKeys = new SqlArrayValue("text", roomIds.stream().map(UUID::toString).toArray());
		OffsetDateTime upper = upperBound(before);
		OffsetDateTime oldest = oldestMonth();
		List<StoredMessage> found = new ArrayList<>();
		OffsetDateTime to = upper;
		OffsetDateTime from = to.withDayOfMonth(1).truncatedTo(ChronoUnit.DAYS);
		for (int window = 0;; window++) {
			boolean last = oldest == null || !from.isAfter(oldest);
			if (last) {
				from = BEGINNING;
			}
			found.addAll(this.jdbc.sql(SEARCH_SQL)
				.param("text", text)
				.param("roomKeys", roomKeys)
				.param("before", (before != null) ? before : NEWEST)
				.param("sentFrom", from)
				.param("sentBefore", to)
				.param("limit", limit - found.size())
				.query(StoredMessage::from)
				.list());
			if (last || found.size() >= limit) {
				return found;
			}
			to = from;
			from = to.minusMonths((window == 0) ? 1 : 1L << window);
		}
	}

	/** Now, or the cursor message's time when it has one, plus the slack for clocks. */
	private static OffsetDateTime upperBound(@Nullable UUID before) {
		OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
		if (before == null || before.version() != 7) {
			return now.plus(CLOCK_SLACK);
		}
		Instant sent = Instant.ofEpochMilli(before.getMostSignificantBits() >>> 16);
		OffsetDateTime cursor = sent.atOffset(ZoneOffset.UTC).plus(CLOCK_SLACK);
		return cursor.isBefore(now) ? cursor : now.plus(CLOCK_SLACK);
	}

	/** The start of the oldest month partition, or null when there is none. */
	private @Nullable OffsetDateTime oldestMonth() {
		String name = this.jdbc.sql(OLDEST_MONTH_SQL).query(String.class).optional().orElse(null);
		if (name == null) {
			return null;
		}
		YearMonth month = YearMonth.of(Integer.parseInt(name.substring(9, 13)), Integer.parseInt(name.substring(14)));
		return month.atDay(1).atStartOfDay().atOffset(ZoneOffset.UTC);
	}

}
