package com.cotalk.friend;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.listener.RedisMessageListenerContainer;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.cotalk.common.events.EventStreams;
import com.cotalk.common.presence.PresenceKeys;
import com.cotalk.testsupport.ApiClient;
import com.cotalk.testsupport.TestTokens;

import tools.jackson.databind.JsonNode;

class FriendListApiTests extends FriendApiTestSupport {

	@Autowired
	StringRedisTemplate redis;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	RedisMessageListenerContainer profileChanges;

	@Test
	void listsFriendsWithTheirProfiles() {
		TestUser me = user("나");
		TestUser friend = user("서연");
		userService.register(friend.id(), "서연", "오늘도 화이팅", "https://cdn.example.com/a.png");
		makeFriends(me, friend);
		ApiClient.Response list = friends(me);
		assertThat(list.contentType()).startsWith("application/json");
		JsonNode entry = list.json().path("items").get(0);
		assertThat(entry.propertyNames()).containsExactlyInAnyOrder("userId", "displayName", "statusMessage",
				"avatarUrl", "online", "since");
		assertThat(entry.path("userId").asString()).isEqualTo(friend.id().toString());
		assertThat(entry.path("displayName").asString()).isEqualTo("서연");
		assertThat(entry.path("statusMessage").asString()).isEqualTo("오늘도 화이팅");
		assertThat(entry.path("avatarUrl").asString()).isEqualTo("https://cdn.example.com/a.png");
		assertThat(entry.path("online").isBoolean()).isTrue();
		assertThat(entry.path("since").asString()).matches(TIMESTAMP);
		assertThat(friends(friend).json().path("items").get(0).path("avatarUrl").isNull()).isTrue();
	}

	@Test
	void listsNoFriendsAsAnEmptyList() {
		ApiClient.Response list = friends(user("Alone"));
		assertThat(list.json().path("items").isArray()).isTrue();
		assertThat(list.json().path("items").size()).isZero();
	}

	@Test
	void sortsByDisplayNameInKoreanOrder() {
		TestUser me = user("Me");
		List<String> names = new ArrayList<>(List.of("가영", "나래", "다인", "Alice", "bob"));
		Collections.shuffle(names);
		names.forEach((name) -> makeFriends(me, user(name)));
		assertThat(friendNames(me)).containsExactly("가영", "나래", "다인", "Alice", "bob");
	}

	@Test
	void breaksTiesBetweenEqualNamesByUserId() {
		TestUser me = user("Me");
		List<String> ids = new ArrayList<>();
		for (int i = 0; i < 3; i++) {
			TestUser friend = user("민준");
			makeFriends(me, friend);
			ids.add(friend.id().toString());
		}
		Collections.sort(ids);
		assertThat(friendIds(me)).containsExactlyElementsOf(ids);
	}

	@Test
	void showsAFriendOnlineWhileTheyHaveALiveSession() {
		TestUser me = user("Me");
		TestUser live = user("Live");
		TestUser stale = user("Stale");
		TestUser absent = user("Absent");
		List.of(live, stale, absent).forEach((friend) -> makeFriends(me, friend));
		long now = System.currentTimeMillis();
		this.redis.opsForZSet().add(PresenceKeys.key(live.id()), "chat-1:session-a", now + 30_000);
		this.redis.opsForZSet().add(PresenceKeys.key(live.id()), "chat-1:session-b", now - 90_000);
		this.redis.opsForZSet().add(PresenceKeys.key(stale.id()), "chat-2:session-c", now - 1_000);
		List.of(live, stale).forEach((user) -> this.redis.expire(PresenceKeys.key(user.id()), Duration.ofMinutes(2)));

		JsonNode items = friends(me).json().path("items");
		assertThat(
				items.valueStream().map((f) -> f.path("displayName").asString() + "=" + f.path("online").asBoolean()))
			.containsExactly("Absent=false", "Live=true", "Stale=false");
	}

	@Test
	void aWarmFriendListAsksUserServiceNothing() {
		TestUser me = user("Me");
		List<TestUser> friends = IntStream.range(0, 5).mapToObj((i) -> user("Friend " + i)).toList();
		friends.forEach((friend) -> makeFriends(me, friend));
		Set<UUID> ids = Set.copyOf(friends.stream().map(TestUser::id).toList());

		friendNames(me);
		int callsAfterFirst = userService.callsForAny(ids).size();
		friendNames(me);
		friendNames(me);
		assertThat(userService.callsForAny(ids)).hasSize(callsAfterFirst);
	}

	@Test
	void missingProfilesAreLoadedInOneBatchedCall() {
		TestUser me = user("Me");
		List<UUID> ids = seedFriends(me, 20);
		assertThat(friendNames(me)).hasSize(20);
		assertThat(userService.callsForAny(Set.copyOf(ids))).singleElement().isEqualTo(Set.copyOf(ids));
	}

	@Test
	void showsAChangedProfileWithinASecond() throws InterruptedException {
		TestUser me = user("Me");
		TestUser friend = user("Before");
		makeFriends(me, friend);
		assertThat(friendNames(me)).containsExactly("Before");
		awaitSubscription();

		userService.register(friend.id(), "After");
		long start = System.nanoTime();
		this.redis.convertAndSend(EventStreams.PROFILE_CHANGED_CHANNEL, friend.id().toString());
		while (!friendNames(me).equals(List.of("After")) && System.nanoTime() - start < 2_000_000_000L) {
			Thread.sleep(20);
		}
		assertThat(friendNames(me)).containsExactly("After");
		assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(1));
	}

	@Test
	void servesCachedProfilesAndPlaceholdersWhileUserServiceIsDown() {
		TestUser me = user("Me");
		TestUser cached = user("Cached");
		makeFriends(me, cached);
		assertThat(friendNames(me)).containsExactly("Cached");
		TestUser uncached = user("Uncached");
		seedFriendship(me, uncached.id());

		userService.setDown(true);
		JsonNode items = friends(me).json().path("items");
		assertThat(items.valueStream().map((f) -> f.path("userId").asString())).containsExactly(cached.id().toString(),
				uncached.id().toString());
		assertThat(items.get(0).path("displayName").asString()).isEqualTo("Cached");
		assertThat(items.get(1).path("displayName").asString()).isEmpty();
		assertThat(items.get(1).path("statusMessage").asString()).isEmpty();
		assertThat(items.get(1).path("avatarUrl").isNull()).isTrue();

		userService.setDown(false);
		assertThat(friendNames(me)).containsExactly("Cached", "Uncached");
	}

	@Test
	void answersServiceUnavailableWhenNoProfileCanBeShown() {
		TestUser me = user("Me");
		TestUser friend = user("Friend");
		seedFriendship(me, friend.id());
		userService.setDown(true);
		assertProblem(this.api.get("/api/friends", me.token()), 503, "SERVICE_UNAVAILABLE");
		assertThat(friends(user("Nobody")).json().path("items").size()).isZero();
	}

	@Test
	void listsAThousandFriends() {
		TestUser me = user("Me");
		List<UUID> ids = seedFriends(me, 1000);
		long started = System.nanoTime();
		List<String> names = friendNames(me);
		Duration cold = Duration.ofNanos(System.nanoTime() - started);
		assertThat(names).hasSize(1000);
		assertThat(userService.callsForAny(Set.copyOf(ids))).hasSize(2);
		started = System.nanoTime();
		assertThat(friendNames(me)).isEqualTo(names);
		Duration warm = Duration.ofNanos(System.nanoTime() - started);
		assertThat(userService.callsForAny(Set.copyOf(ids))).hasSize(2);
		assertThat(names.subList(0, 3)).allMatch((name) -> name.charAt(0) >= 0xAC00 && name.charAt(0) <= 0xD7A3);
		System.out.printf("1000-friend list: cold %d ms, warm %d ms%n", cold.toMillis(), warm.toMillis());
	}

	@Test
	void removingAFriendEndsTheFriendshipForBoth() {
		TestUser me = user("Me");
		TestUser friend = user("Friend");
		makeFriends(me, friend);
		ApiClient.Response removed = this.api.delete("/api/friends/" + friend.id(), me.token());
		assertThat(removed.status()).isEqualTo(204);
		assertThat(friendIds(me)).isEmpty();
		assertThat(friendIds(friend)).isEmpty();
		assertProblem(this.api.delete("/api/friends/" + friend.id(), me.token()), 404, "FRIEND_NOT_FOUND");
		assertProblem(this.api.delete("/api/friends/" + UUID.randomUUID(), me.token()), 404, "FRIEND_NOT_FOUND");
		assertThat(sendRequest(friend, me).status()).isEqualTo(201);
	}

	@Test
	void aFriendListIsOnlyEverTheCallersOwn() {
		TestUser me = user("Me");
		TestUser friend = user("Friend");
		makeFriends(me, friend);
		assertThat(friendIds(user("Someone else"))).isEmpty();
		assertThat(this.api.get("/api/friends", TestTokens.accessToken(UUID.randomUUID())).status()).isEqualTo(200);
	}

	/**
	 * Friends with Hangul and Latin names, written straight to the table as a bulk load.
	 */
	private List<UUID> seedFriends(TestUser me, int count) {
		List<UUID> ids = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			UUID id = UUID.randomUUID();
			String name = (i % 2 == 0) ? String.valueOf((char) (0xAC00 + (i * 7) % 11172)) + "민" : "user" + i;
			userService.register(id, name);
			ids.add(id);
		}
		this.jdbc.sql("""
				INSERT INTO friendships (user_id, friend_id)
				SELECT :me, f FROM unnest(CAST(:ids AS uuid[])) AS f
				UNION ALL SELECT f, :me FROM unnest(CAST(:ids AS uuid[])) AS f""")
			.param("me", me.id())
			.param("ids", "{" + String.join(",", ids.stream().map(UUID::toString).toList()) + "}")
			.update();
		return ids;
	}

	private void seedFriendship(TestUser me, UUID friendId) {
		this.jdbc.sql("INSERT INTO friendships (user_id, friend_id) VALUES (:me, :f), (:f, :me)")
			.param("me", me.id())
			.param("f", friendId)
			.update();
	}

	private void awaitSubscription() throws InterruptedException {
		long deadline = System.nanoTime() + 5_000_000_000L;
		while (!this.profileChanges.isListening() && System.nanoTime() < deadline) {
			Thread.sleep(20);
		}
		assertThat(this.profileChanges.isListening()).isTrue();
	}

}
