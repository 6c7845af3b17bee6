package com.cotalk.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Array;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Message search at the database ({@code GET /api/messages/search} minus HTTP): a scratch
 * database with message-service's migrations, N messages of chat-like Korean and English
 * text loaded in one INSERT ... SELECT over three month partitions and 10,000 rooms of
 * very unequal activity, then the search query of message-service for two users of 50
 * rooms each: a heavy one (in the 10 busiest rooms, ~34,000 messages in the 1M) and a
 * typical one, and common, 2-syllable Korean and rare terms, newest 20 first. Sequential,
 * warm cache, one connection, server-side prepared statements as message-service uses
 * them.
 */
final class SearchBench {

	/** The same text as message-service's SearchRepository.SEARCH_SQL. */
	static final String SEARCH_SQL = """
			SELECT message_id, room_id, seq, sender_id, client_msg_id, content_type, content, sent_at, edited_at, deleted
			FROM messages.messages
			WHERE content_type = 'TEXT'
			  AND messages.search_keys(room_id, content) COLLATE "C" @> messages.bigrams(?)
			  AND messages.search_keys(room_id, content) COLLATE "C" && ?
			  AND lower(content) LIKE '%' || replace(replace(replace(lower(?), '\\', '\\\\'), '%', '\\%'), '_', '\\_')
			                        || '%' ESCAPE '\\'
			  AND message_id < ?
			  AND sent_at >= ?
			  AND sent_at < ?
			ORDER BY message_id DESC
			LIMIT ?
			""";

	static final String[] WORDS = { "안녕하세요", "네", "오늘", "내일", "회의", "점심", "뭐", "먹을까", "좋아요", "ㅋㅋㅋ", "감사합니다", "지금",
			"어디야", "집에", "가는", "중", "ok", "the", "meeting", "is", "at", "lunch", "thanks", "see", "you", "tomorrow",
			"사진", "보내줘", "확인했어요", "잠깐만", "주말에", "영화", "project", "deadline", "coffee", "커피", "마실래", "보고싶어", "사랑해",
			"weekend", "생일", "축하해", "deploy", "review", "고마워", "미안", "늦을", "것", "같아", "출발" };

	static final String[] TERMS = { "사랑", "회의", "안녕", "좋아요", "meeting", "Lunch", "벚꽃", "cherry", "보고싶", "deadline" };

	/** The first of the three month partitions loaded. */
	private static final OffsetDateTime OLDEST_MONTH = OffsetDateTime.of(2026, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC);

	private static final OffsetDateTime BEGINNING = OffsetDateTime.of(1970, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC);

	private final String server;

	private final String user;

	private final String database;

	private final int messages;

	private final int queries;

	private final Path migrations;

	private final boolean load;

	/** Five minutes after the newest message, as message-service bounds a search. */
	private OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);

	SearchBench(Map<String, String> options) {
		this.server = options.getOrDefault("server", "jdbc:postgresql://127.0.0.1:5432/");
		this.user = options.getOrDefault("db-user", "postgres");
		this.database = options.getOrDefault("database", "cotalk_search_bench");
		this.messages = Integer.parseInt(options.getOrDefault("messages", "1000000"));
		this.queries = Integer.parseInt(options.getOrDefault("queries", "2000"));
		this.migrations = Path
			.of(options.getOrDefault("migrations", "message-service/src/main/resources/db/migration"));
		this.load = Boolean.parseBoolean(options.getOrDefault("load", "true"));
	}

	void run() throws Exception {
		if (this.load) {
			load();
		}
		try (Connection db = DriverManager.getConnection(this.server + this.database, this.user, "postgres")) {
			// the 10 busiest rooms and 40 others; 50 rooms of the quieter half
			List<UUID> heavy = new ArrayList<>();
			List<UUID> typical = new ArrayList<>();
			for (int i = 0; i < 50; i++) {
				heavy.add(room((i < 10) ? i : 1000 + i * 200));
				typical.add(room(5000 + i * 100));
			}
			this.now = newest(db).plusMinutes(5);
			System.out.printf("search over %,d messages, newest 20 of the caller's 50 rooms%n", count(db));
			for (String name : List.of("heavy", "typical")) {
				List<UUID> rooms = name.equals("heavy") ? heavy : typical;
				System.out.printf("  %-8s user: %,d messages in their rooms%n", name, inRooms(db, rooms));
				Latencies all = new Latencies(this.queries);
				try (PreparedStatement search = db.prepareStatement(SEARCH_SQL)) {
					for (int warm = 0; warm < 200; warm++) {
						query(search, rooms, TERMS[warm % TERMS.length]);
					}
					for (String term : TERMS) {
						Latencies perTerm = new Latencies(this.queries / TERMS.length);
						int found = 0;
						for (int i = 0; i < this.queries / TERMS.length; i++) {
							long start = System.nanoTime();
							found = query(search, rooms, term);
							long took = System.nanoTime() - start;
							perTerm.record(took);
							all.record(took);
						}
						System.out.printf("    %-10s %2d found  %s%n", term, found, perTerm.summary());
					}
				}
				System.out.printf("    %-10s           %s%n", "all terms", all.summary());
			}
		}
	}

	/**
	 * message-service's walk back through the months (SearchRepository.search): the
	 * newest month, the one before, then 2, 4, ... months, the rest last, until a page of
	 * 21 is full. "Now" is just after the newest message loaded.
	 */
	private int query(PreparedStatement search, List<UUID> rooms, String term) throws SQLException {
		Array roomKeys = search.getConnection().createArrayOf("text", rooms.stream().map(UUID::toString).toArray());
		OffsetDateTime to = this.now;
		OffsetDateTime from = to.withDayOfMonth(1).truncatedTo(ChronoUnit.DAYS);
		int found = 0;
		for (int window = 0;; window++) {
			boolean last = !from.isAfter(OLDEST_MONTH);
			if (last) {
				from = BEGINNING;
			}
			search.setString(1, term);
			search.setArray(2, roomKeys);
			search.setString(3, term);
			search.setObject(4, new UUID(-1L, -1L));
			search.setObject(5, from);
			search.setObject(6, to);
			search.setInt(7, 21 - found);
			try (ResultSet rows = search.executeQuery()) {
				while (rows.next()) {
					found++;
				}
			}
			if (last || found >= 21) {
				return found;
			}
			to = from;
			from = to.minusMonths((window == 0) ? 1 : 1L << window);
		}
	}

	/** Room n is 00000000-0000-7000-8000-{n in hex}; room 0 is the busiest. */
	private static UUID room(int n) {
		return UUID.fromString("00000000-0000-7000-8000-%012x".formatted(n));
	}

	private void load() throws Exception {
		try (Connection admin = DriverManager.getConnection(this.server + "postgres", this.user, "postgres");
				Statement statement = admin.createStatement()) {
			statement.execute("DROP DATABASE IF EXISTS " + this.database);
			statement.execute("CREATE DATABASE " + this.database);
		}
		try (Connection db = DriverManager.getConnection(this.server + this.database, this.user, "postgres");
				Statement statement = db.createStatement()) {
			statement.execute("CREATE SCHEMA messages");
			try (var files = Files.list(this.migrations)) {
				for (Path migration : files.sorted().toList()) {
					statement.execute(Files.readString(migration));
				}
			}
			for (int month = 1; month <= 3; month++) {
				statement
					.execute("CREATE TABLE messages.messages_2026_0%d PARTITION OF messages.messages ".formatted(month)
							+ "FOR VALUES FROM ('2026-0%d-01') TO ('2026-0%d-01')".formatted(month, month + 1));
			}
			long start = System.nanoTime();
			statement.execute(insert());
			statement.execute("VACUUM ANALYZE messages.messages");
			System.out.printf("loaded %,d messages (index included, vacuumed, analyzed) in %.1f s%n", this.messages,
					(System.nanoTime() - start) / 1e9);
		}
	}

	/**
	 * Message g: in room floor(10,000 * r^2) (r uniform: a few rooms very busy, most
	 * quiet), 3 to 12 words drawn with a skew towards the first words, one message in
	 * 5,000 with a rare pair of words; 7 seconds apart from 2026-01-01, so ~2.5 months.
	 */
	private String insert() {
		String words = String.join(", ", java.util.Arrays.stream(WORDS).map((w) -> "'" + w + "'").toList());
		return """
				INSERT INTO messages.messages (message_id, room_id, seq, sender_id, client_msg_id, content_type,
				                               content, sent_at)
				SELECT (lpad(to_hex((extract(epoch FROM ts) * 1000)::bigint), 12, '0') || '7'
				        || substr(md5(g::text), 1, 3) || '8' || substr(md5(g::text), 4, 15))::uuid,
				       ('00000000-0000-7000-8000-' || lpad(to_hex(room), 12, '0'))::uuid,
				       g, gen_random_uuid(), 'bench-' || g, 'TEXT',
				       CASE WHEN g %% 5000 = 0 THEN text || ' 벚꽃놀이 Cherry' ELSE text END, ts
				FROM (
				    SELECT g, (10000 * random() ^ 2)::int AS room,
				           timestamptz '2026-01-01' + (g * interval '7 second') AS ts,
				           (SELECT string_agg(w[1 + ((array_length(w, 1) * random() ^ 2)::int + 0 * i)
				                                  %% array_length(w, 1)], ' ')
				            FROM generate_series(1, 3 + g %% 10) i) AS text
				    FROM generate_series(1, %d) g, LATERAL (SELECT ARRAY[%s] AS w) v
				) s
				""".formatted(this.messages, words);
	}

	private static OffsetDateTime newest(Connection db) throws SQLException {
		try (Statement statement = db.createStatement();
				ResultSet rs = statement.executeQuery("SELECT max(sent_at) FROM messages.messages")) {
			rs.next();
			return rs.getObject(1, OffsetDateTime.class);
		}
	}

	private static long count(Connection db) throws SQLException {
		try (Statement statement = db.createStatement();
				ResultSet rs = statement.executeQuery("SELECT count(*) FROM messages.messages")) {
			rs.next();
			return rs.getLong(1);
		}
	}

	private static long inRooms(Connection db, List<UUID> rooms) throws SQLException {
		try (PreparedStatement statement = db
			.prepareStatement("SELECT count(*) FROM messages.messages WHERE room_id = ANY(?)")) {
			statement.setArray(1, db.createArrayOf("uuid", rooms.toArray()));
			try (ResultSet rs = statement.executeQuery()) {
				rs.next();
				return rs.getLong(1);
			}
		}
	}

}
