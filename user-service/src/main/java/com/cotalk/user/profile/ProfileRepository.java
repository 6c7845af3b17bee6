package com.cotalk.user.profile;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class ProfileRepository {

	private static final String COLUMNS = "user_id, email, display_name, status_message, avatar_url, created_at, updated_at";

	/**
	 * Display-name substring of three or more characters (served by the trigram index
	 * {@code profiles_display_name_trgm_idx}) or exact email (the unique index on
	 * {@code lower(email)}).
	 */
	static final String SEARCH_SQL = searchSql("lower(display_name) LIKE lower(:contains)");

	/**
	 * The same for one- and two-character queries, which trigrams cannot serve: the query
	 * is one of the name's one- and two-character substrings
	 * ({@code profiles_display_name_short_grams_idx}).
	 */
	static final String SHORT_SEARCH_SQL = searchSql("users.short_grams(lower(display_name)) @> ARRAY[lower(:query)]");

	private static final int SHORT_QUERY_LENGTH = 2;

	private final JdbcClient jdbc;

	ProfileRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	Optional<Profile> findById(UUID userId) {
		return this.jdbc.sql("SELECT " + COLUMNS + " FROM users.profiles WHERE user_id = :userId")
			.param("userId", userId)
			.query(ProfileRepository::map)
			.optional();
	}

	/**
	 * Locks the row until the transaction ends, so that concurrent edits of different
	 * fields both survive.
	 */
	Optional<Profile> findByIdForUpdate(UUID userId) {
		return this.jdbc.sql("SELECT " + COLUMNS + " FROM users.profiles WHERE user_id = :userId FOR UPDATE")
			.param("userId", userId)
			.query(ProfileRepository::map)
			.optional();
	}

	List<Profile> findAllById(Collection<UUID> userIds) {
		if (userIds.isEmpty()) {
			return List.of();
		}
		return this.jdbc.sql("SELECT " + COLUMNS + " FROM users.profiles WHERE user_id IN (:userIds)")
			.param("userIds", userIds)
			.query(ProfileRepository::map)
			.list();
	}

	/** Inserts unless the id or the email is taken; empty when nothing was inserted. */
	Optional<Profile> insertIfAbsent(UUID userId, String email, String displayName) {
		return this.jdbc.sql("""
				INSERT INTO users.profiles (user_id, email, display_name)
				VALUES (:userId, :email, :displayName)
				ON CONFLICT DO NOTHING
				RETURNING %s
				""".formatted(COLUMNS))
			.param("userId", userId)
			.param("email", email)
			.param("displayName", displayName)
			.query(ProfileRepository::map)
			.optional();
	}

	Profile update(Profile profile) {
		return this.jdbc.sql("""
				UPDATE users.profiles
				SET display_name = :displayName, status_message = :statusMessage, avatar_url = :avatarUrl,
				    updated_at = now()
				WHERE user_id = :userId
				RETURNING %s
				""".formatted(COLUMNS))
			.param("userId", profile.userId())
			.param("displayName", profile.displayName())
			.param("statusMessage", profile.statusMessage())
			.param("avatarUrl", profile.avatarUrl(), Types.VARCHAR)
			.query(ProfileRepository::map)
			.single();
	}

	List<Profile> search(String query, int limit) {
		String literal = escapeLike(query);
		boolean shortQuery = query.codePointCount(0, query.length()) <= SHORT_QUERY_LENGTH;
		JdbcClient.StatementSpec statement = this.jdbc.sql(shortQuery ? SHORT_SEARCH_SQL : SEARCH_SQL)
			.param("prefix", literal + "%")
			.param("query", query)
			.param("limit", limit);
		if (!shortQuery) {
			statement = statement.param("contains", "%" + literal + "%");
		}
		return statement.query(ProfileRepository::map).list();
	}

	/**
	 * Ranked: the email match, then display names starting with the query, then by name.
	 * Case folding happens in SQL so that it is the same {@code lower()} the indexes were
	 * built with.
	 */
	private static String searchSql(String nameMatches) {
		return """
				SELECT %s
				FROM users.profiles
				WHERE %s OR lower(email) = lower(:query)
				ORDER BY lower(email) = lower(:query) DESC, lower(display_name) LIKE lower(:prefix) DESC,
				         lower(display_name), user_id
				LIMIT :limit
				""".formatted(COLUMNS, nameMatches);
	}

	/**
	 * Makes {@code %}, {@code _} and the escape character itself match literally
	 * (backslash is LIKE's default).
	 */
	static String escapeLike(String text) {
		return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
	}

	private static Profile map(ResultSet rs, int row) throws SQLException {
		return new Profile(rs.getObject("user_id", UUID.class), rs.getString("email"), rs.getString("display_name"),
				rs.getString("status_message"), rs.getString("avatar_url"),
				rs.getObject("created_at", OffsetDateTime.class).toInstant(),
				rs.getObject("updated_at", OffsetDateTime.class).toInstant());
	}

}
