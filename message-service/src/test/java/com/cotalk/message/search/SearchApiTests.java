package com.cotalk.message.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.cotalk.common.messages.MessageEvent;
import com.cotalk.common.messages.MessageKeys;
import com.cotalk.message.MessageServiceTestSupport;
import com.cotalk.message.partition.PartitionMaintenance;
import com.cotalk.testsupport.ApiClient;
import com.cotalk.testsupport.TestTokens;

import tools.jackson.databind.JsonNode;

/**
 * Search for Mina, a member of two rooms (ours and work), over their messages and those
 * of a room she is not in.
 */
class SearchApiTests extends MessageServiceTestSupport {

	private static final SecureRandom RANDOM = new SecureRandom();

	@Autowired
	PartitionMaintenance partitions;

	UUID mina;

	UUID friend;

	UUID ours;

	UUID work;

	UUID elsewhere;

	long clock = Instant.now().toEpochMilli() - 60_000;

	@BeforeEach
	void rooms() {
		this.mina = UUID.randomUUID();
		this.friend = UUID.randomUUID();
		this.ours = UUID.randomUUID();
		this.work = UUID.randomUUID();
		this.elsewhere = UUID.randomUUID();
		CHAT.room(this.ours, Map.of(this.mina, 0L, this.friend, 0L));
		CHAT.room(this.work, Map.of(this.mina, 0L, this.friend, 0L));
		CHAT.room(this.elsewhere, Map.of(this.friend, 0L));
	}

	@Test
	void findsATwoSyllableKoreanWordInsideLongerText() {
		store(this.ours, "너를 사랑해", "사과 먹을래?", "사 랑", "hello");
		List<JsonNode> found = items(search("사랑", this.mina));
		assertThat(found).extracting((item) -> item.path("content").asString()).containsExactly("너를 사랑해");
		JsonNode message = found.get(0);
		assertThat(message.propertyNames()).containsExactlyInAnyOrder("messageId", "roomId", "seq", "senderId",
				"clientMsgId", "contentType", "content", "sentAt", "editedAt", "deleted", "unreadCount");
		assertThat(message.path("roomId").asString()).isEqualTo(this.ours.toString());
		assertThat(message.path("unreadCount").asInt()).isEqualTo(2);
		assertThat(contents(search("를 사", this.mina))).containsExactly("너를 사랑해");
		assertThat(contents(search("랑해", this.mina))).containsExactly("너를 사랑해");
	}

	@Test
	void ignoresCaseInLatinText() {
		store(this.ours, "Hello World", "WORLDWIDE", "word");
		assertThat(contents(search("world", this.mina))).containsExactly("WORLDWIDE", "Hello World");
		assertThat(contents(search("LO WO", this.mina))).containsExactly("Hello World");
		assertThat(contents(search("  wOr  ", this.mina))).hasSize(3);
	}

	@Test
	void takesWildcardsLiterally() {
		store(this.ours, "100% sure", "1000 sure", "a_b", "axb");
		assertThat(contents(search("0%", this.mina))).containsExactly("100% sure");
		assertThat(contents(search("a_b", this.mina))).containsExactly("a_b");
	}

	@Test
	void searchesOnlyTheRoomsTheCallerIsInNow() {
		store(this.ours, "우리 사랑");
		store(this.work, "사랑의 업무");
		store(this.elsewhere, "남의 사랑");
		assertThat(contents(search("사랑", this.mina))).containsExactly("사랑의 업무", "우리 사랑");
		assertThat(contents(search("사랑", this.friend))).hasSize(3);

		CHAT.members(this.work, Map.of(this.friend, 0L));
		assertThat(contents(search("사랑", this.mina))).containsExactly("우리 사랑");
		assertThat(contents(search("사랑", UUID.randomUUID()))).isEmpty();
	}

	@Test
	void narrowsToOneRoomOfTheCaller() {
		store(this.ours, "우리 사랑");
		store(this.work, "사랑의 업무");
		assertThat(contents(search("사랑", "&roomId=" + this.work, this.mina))).containsExactly("사랑의 업무");
		assertProblem(search("사랑", "&roomId=" + this.elsewhere, this.mina), 404, "ROOM_NOT_FOUND");
		assertProblem(search("사랑", "&roomId=nope", this.mina), 404, "ROOM_NOT_FOUND");
	}

	@Test
	void neverFindsADeletedMessage() {
		store(this.ours, "비밀 사랑", "공개 사랑");
		this.redis.opsForValue().set(MessageKeys.sequence(partition(this.ours), this.ours), "2");
		ApiClient.Response deleted = this.api.delete("/api/rooms/" + this.ours + "/messages/1",
				TestTokens.accessToken(this.mina));
		assertThat(deleted.status()).as(deleted.toString()).isEqualTo(204);
		assertThat(contents(search("사랑", this.mina))).containsExactly("공개 사랑");
		assertThat(contents(search("비밀", this.mina))).isEmpty();
	}

	@Test
	void pagesNewestFirstWithABeforeCursor() {
		store(this.ours, "love 1", "love 2", "other", "love 3", "love 4", "love 5");
		ApiClient.Response first = search("love", "&limit=2", this.mina);
		assertThat(contents(first)).containsExactly("love 5", "love 4");
		assertThat(first.json().path("hasMore").asBoolean()).isTrue();
		String cursor = first.json().path("nextBefore").asString();
		assertThat(cursor).isEqualTo(items(first).get(1).path("messageId").asString());

		ApiClient.Response second = search("love", "&limit=2&before=" + cursor, this.mina);
		assertThat(contents(second)).containsExactly("love 3", "love 2");
		ApiClient.Response last = search("love", "&limit=2&before=" + second.json().path("nextBefore").asString(),
				this.mina);
		assertThat(contents(last)).containsExactly("love 1");
		assertThat(last.json().path("hasMore").asBoolean()).isFalse();
		assertThat(last.json().path("nextBefore").isNull()).isTrue();
	}

	@Test
	void walksBackThroughTheMonthsNewestFirstAndPagesAcrossThem() {
		YearMonth now = YearMonth.now(ZoneOffset.UTC);
		// partitions of earlier months, as a deployment that has run for months has them
		this.partitions.ensureMonth(now.minusMonths(2));
		this.partitions.ensureMonth(now.minusMonths(5));
		storeAt(this.ours, now.minusMonths(30), "trip 1"); // older than every month
															// partition
		storeAt(this.ours, now.minusMonths(5), "trip 2");
		storeAt(this.work, now.minusMonths(2), "trip 3");
		storeAt(this.ours, now.minusMonths(1), "trip 4"); // a month without a partition
		store(this.ours, "trip 5");
		List<String> all = List.of("trip 5", "trip 4", "trip 3", "trip 2", "trip 1");
		assertThat(contents(search("trip", this.mina))).containsExactlyElementsOf(all);
		assertThat(contents(search("trip", "&roomId=" + this.work, this.mina))).containsExactly("trip 3");

		List<String> paged = new ArrayList<>();
		String more = "&limit=1";
		for (int page = 0; page < all.size(); page++) {
			ApiClient.Response response = search("trip", more, this.mina);
			paged.addAll(contents(response));
			assertThat(response.json().path("hasMore").asBoolean()).isEqualTo(page < all.size() - 1);
			more = "&limit=1&before=" + response.json().path("nextBefore").asString();
		}
		assertThat(paged).containsExactlyElementsOf(all);
	}

	@Test
	void rejectsQueriesShorterThanTwoCharactersAndBadLimits() {
		for (String q : List.of("a", "  가  ", "", "   ", "a\u0001", "가\n나")) {
			assertValidationFailed(search(q, this.mina), "q");
		}
		assertValidationFailed(this.api.get("/api/messages/search", TestTokens.accessToken(this.mina)), "q");
		assertValidationFailed(search("ab", "&limit=0", this.mina), "limit");
		assertValidationFailed(search("ab", "&limit=101", this.mina), "limit");
		assertThat(search("ab", "&limit=100", this.mina).status()).isEqualTo(200);
		assertProblem(this.api.get("/api/messages/search?q=ab", null), 401, "UNAUTHORIZED");
	}

	/** Stores the texts in order as messages of the room, each newer than the last. */
	private void store(UUID room, String... texts) {
		long stored = storedCount(room);
		for (String text : texts) {
			long seq = ++stored;
			this.clock += 5;
			UUID id = new UUID((this.clock << 16) | 0x7000L | (RANDOM.nextInt() & 0x0FFFL),
					(RANDOM.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L);
			append(MessageEvent.accepted(id, room, seq, this.mina, "c-" + seq, "TEXT", text,
					Instant.ofEpochMilli(this.clock).truncatedTo(ChronoUnit.MILLIS)));
		}
		awaitStored(room, stored);
	}

	/** Stores the text as a message of the room sent in the middle of that month. */
	private void storeAt(UUID room, YearMonth month, String text) {
		long seq = storedCount(room) + 1;
		long millis = month.atDay(15).atStartOfDay().toInstant(ZoneOffset.UTC).toEpochMilli();
		UUID id = new UUID((millis << 16) | 0x7000L | (RANDOM.nextInt() & 0x0FFFL),
				(RANDOM.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L);
		append(MessageEvent.accepted(id, room, seq, this.mina, "c-" + seq, "TEXT", text, Instant.ofEpochMilli(millis)));
		awaitStored(room, seq);
	}

	private ApiClient.Response search(String q, UUID caller) {
		return search(q, "", caller);
	}

	private ApiClient.Response search(String q, String more, UUID caller) {
		return this.api.get("/api/messages/search?q=" + URLEncoder.encode(q, StandardCharsets.UTF_8) + more,
				TestTokens.accessToken(caller));
	}

	private static List<JsonNode> items(ApiClient.Response response) {
		assertThat(response.status()).as(response.toString()).isEqualTo(200);
		return response.json().path("items").valueStream().toList();
	}

	private static List<String> contents(ApiClient.Response response) {
		return items(response).stream().map((item) -> item.path("content").asString()).toList();
	}

	private static void assertProblem(ApiClient.Response response, int status, String code) {
		assertThat(response.status()).as(response.toString()).isEqualTo(status);
		assertThat(response.contentType()).startsWith("application/problem+json");
		assertThat(response.text("code")).as(response.toString()).isEqualTo(code);
	}

	private static void assertValidationFailed(ApiClient.Response response, String field) {
		assertProblem(response, 400, "VALIDATION_FAILED");
		assertThat(response.json().path("errors").valueStream().map((error) -> error.path("field").asString()))
			.as(response.toString())
			.contains(field);
	}

}
