package com.cotalk.user.profile;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The search queries are served by their indexes, never by a sequential scan of every
 * profile.
 * <p>
 * The planner rightly scans a table of a few dozen rows, and its guesses for a table that
 * was never analyzed (or whose GIN pending list is full of fresh rows) say little about
 * production. So the shared test database keeps a fixture of 20,000 profiles
 * ({@code search-plan-fixture-*@example.test}, hexadecimal names no test searches for),
 * inserted once, and the table is analyzed before the plans are read: the plans are then
 * the ones a real, vacuumed table gets.
 */
class SearchIndexTests extends ApiTestSupport {

	private static final int FIXTURE_SIZE = 20_000;

	@Autowired
	JdbcClient jdbc;

	@BeforeEach
	void ensureATableWorthAnIndex() {
		int existing = this.jdbc
			.sql("SELECT count(*) FROM users.profiles WHERE email LIKE 'search-plan-fixture-%@example.test'")
			.query(Integer.class)
			.single();
		if (existing < FIXTURE_SIZE) {
			this.jdbc.sql("""
					INSERT INTO users.profiles (user_id, email, display_name)
					SELECT gen_random_uuid(), 'search-plan-fixture-' || gen_random_uuid() || '@example.test',
					       substr(md5(random()::text), 1, 12)
					FROM generate_series(1, :missing)
					""").param("missing", FIXTURE_SIZE - existing).update();
		}
		this.jdbc.sql("VACUUM ANALYZE users.profiles").update();
	}

	@Test
	void searchIndexesExistAndAreValid() {
		List<String> valid = this.jdbc.sql("""
				SELECT c.relname FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid
				WHERE c.relnamespace = 'users'::regnamespace AND i.indisvalid AND i.indisready
				""").query(String.class).list();
		assertThat(valid).contains("profiles_display_name_trgm_idx", "profiles_display_name_short_grams_idx",
				"profiles_email_lower_key");
	}

	@Test
	void searchUsesTheTrigramAndEmailIndexes() {
		String plan = explain(ProfileRepository.SEARCH_SQL, "kim lee", true);
		assertThat(plan).contains("profiles_display_name_trgm_idx")
			.contains("profiles_email_lower_key")
			.doesNotContain("Seq Scan");
	}

	@Test
	void shortKoreanSearchUsesTheShortGramAndEmailIndexes() {
		String plan = explain(ProfileRepository.SHORT_SEARCH_SQL, "민준", false);
		assertThat(plan).contains("profiles_display_name_short_grams_idx")
			.contains("profiles_email_lower_key")
			.doesNotContain("Seq Scan");
	}

	private String explain(String sql, String query, boolean bindContains) {
		JdbcClient.StatementSpec explain = this.jdbc.sql("EXPLAIN " + sql)
			.param("prefix", query + "%")
			.param("query", query)
			.param("limit", 20);
		if (bindContains) {
			explain = explain.param("contains", "%" + query + "%");
		}
		return String.join("\n", explain.query(String.class).list());
	}

}
