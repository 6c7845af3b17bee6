package com.cotalk.user.profile;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.cotalk.testsupport.ApiClient;

class UserSearchTests extends ApiTestSupport {

	@Test
	void findsByPrefixAndSubstringIgnoringCase() {
		String word = uniqueWord();
		TestUser searcher = createUser("Searcher");
		TestUser prefix = createUser(word.toUpperCase() + " Park");
		TestUser substring = createUser("Lee " + word);
		createUser("Lee " + word.substring(1, 6) + "-" + word.substring(6));
		assertThat(ids(search(searcher, word))).containsExactly(prefix.id().toString(), substring.id().toString());
		assertThat(ids(search(searcher, word.substring(2, 8).toUpperCase()))).contains(prefix.id().toString(),
				substring.id().toString());
	}

	@Test
	void findsKoreanNamesBySubstring() {
		String given = uniqueHangul(2);
		TestUser searcher = createUser("Searcher");
		TestUser kim = createUser("김" + given);
		ApiClient.Response found = search(searcher, given);
		assertThat(ids(found)).containsExactly(kim.id().toString());
		assertThat(found.json().path("items").get(0).path("displayName").asString()).isEqualTo("김" + given);
		assertThat(ids(search(searcher, "김" + given))).containsExactly(kim.id().toString());
	}

	@Test
	void findsBySingleCharacter() {
		// a private-use character: no real name has it, so this test's user is the only
		// match
		String character = Character.toString(0xE000 + java.util.concurrent.ThreadLocalRandom.current().nextInt(6400));
		TestUser searcher = createUser("Searcher");
		TestUser target = createUser("Kim " + character + " Lee");
		assertThat(ids(search(searcher, character))).containsExactly(target.id().toString());
	}

	@Test
	void ranksPrefixMatchesFirstThenByName() {
		String word = uniqueWord();
		TestUser searcher = createUser("Searcher");
		TestUser zetaPrefix = createUser(word + " zeta");
		TestUser alphaSubstring = createUser("a " + word);
		TestUser alphaPrefix = createUser(word.toUpperCase() + " alpha");
		TestUser betaSubstring = createUser("b " + word);
		assertThat(ids(search(searcher, word))).containsExactly(alphaPrefix.id().toString(), zetaPrefix.id().toString(),
				alphaSubstring.id().toString(), betaSubstring.id().toString());
	}

	@Test
	void findsByExactEmailOnlyIgnoringCase() {
		TestUser searcher = createUser("Searcher");
		TestUser target = createUser("Email Target " + uniqueWord());
		ApiClient.Response found = search(searcher, target.email().toUpperCase());
		assertThat(ids(found)).containsExactly(target.id().toString());
		assertThat(found.json().path("items").get(0).propertyNames()).containsExactlyInAnyOrder("userId", "displayName",
				"statusMessage", "avatarUrl");
		assertThat(ids(search(searcher, target.email().substring(0, 20)))).isEmpty();
	}

	@Test
	void matchesWildcardCharactersLiterally() {
		String word = uniqueWord();
		TestUser searcher = createUser("Searcher");
		TestUser underscore = createUser(word + "_x");
		createUser(word + "ax");
		TestUser percent = createUser(word + "%y");
		createUser(word + "by");
		assertThat(ids(search(searcher, word + "_"))).containsExactly(underscore.id().toString());
		assertThat(ids(search(searcher, word + "%"))).containsExactly(percent.id().toString());
	}

	@Test
	void returnsAtMostLimitItems() {
		String word = uniqueWord();
		TestUser searcher = createUser("Searcher");
		for (int i = 0; i < 3; i++) {
			createUser(word + " " + i);
		}
		assertThat(ids(search(searcher, word))).hasSize(3);
		ApiClient.Response limited = this.api.get("/api/users?q=" + word + "&limit=2", searcher.token());
		assertThat(ids(limited)).hasSize(2);
		assertThat(ids(this.api.get("/api/users?q=" + word + "&limit=50", searcher.token()))).hasSize(3);
	}

	@Test
	void refusesInvalidQueries() {
		String token = createUser("Searcher").token();
		assertValidationFailed(this.api.get("/api/users", token), "q");
		assertValidationFailed(this.api.get("/api/users?q=", token), "q");
		assertValidationFailed(this.api.get("/api/users?q=%20%20", token), "q");
		assertValidationFailed(this.api.get("/api/users?q=" + "x".repeat(101), token), "q");
		assertValidationFailed(this.api.get("/api/users?q=abc&limit=0", token), "limit");
		assertValidationFailed(this.api.get("/api/users?q=abc&limit=51", token), "limit");
		assertValidationFailed(this.api.get("/api/users?q=abc&limit=many", token), "limit");
		assertThat(this.api.get("/api/users?q=" + "x".repeat(100), token).status()).isEqualTo(200);
	}

	private ApiClient.Response search(TestUser searcher, String query) {
		ApiClient.Response response = this.api.get("/api/users?q=" + URLEncoder.encode(query, StandardCharsets.UTF_8),
				searcher.token());
		assertThat(response.status()).as(response.toString()).isEqualTo(200);
		return response;
	}

	private static List<String> ids(ApiClient.Response response) {
		assertThat(response.json().propertyNames()).contains("items");
		return response.json().path("items").valueStream().map((item) -> item.path("userId").asString()).toList();
	}

}
