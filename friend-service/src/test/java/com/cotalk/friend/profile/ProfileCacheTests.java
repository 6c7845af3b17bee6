package com.cotalk.friend.profile;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.redis.core.StringRedisTemplate;

import com.cotalk.friend.FriendApiTestSupport;

class ProfileCacheTests extends FriendApiTestSupport {

	@Autowired
	ProfileCache cache;

	@Autowired
	StringRedisTemplate redis;

	@Test
	void storesProfilesAsJsonUnderAHashTaggedKeyWithATtl() {
		UUID id = UUID.randomUUID();
		this.cache.putAll(List.of(new UserProfile(id, "민준", "hi", null)));
		String key = "profile:{" + id + "}";
		assertThat(this.redis.opsForValue().get(key)).contains("\"displayName\":\"민준\"");
		assertThat(this.redis.getExpire(key)).isBetween(500L, 600L);
		assertThat(this.cache.getAll(List.of(id, UUID.randomUUID()))).containsOnlyKeys(id);
	}

	@Test
	void aLoadThatReadTheOldProfileCannotOutliveTheEviction() {
		UUID id = UUID.randomUUID();
		UserProfile old = new UserProfile(id, "Old", "", null);
		this.cache.putAll(List.of(old));
		this.cache.evict(id);
		// a load that started before the change and finishes after the signal
		this.cache.putAll(List.of(old));
		assertThat(this.cache.getAll(List.of(id))).isEmpty();
	}

	@Test
	void readersDuringAnEvictionNeverKeepTheOldProfile() throws Exception {
		UUID id = UUID.randomUUID();
		AtomicReference<UserProfile> userService = new AtomicReference<>(new UserProfile(id, "v0", "", null));
		AtomicBoolean running = new AtomicBoolean(true);
		AtomicLongArray reads = new AtomicLongArray(2);
		List<Thread> readers = IntStream.range(0, 2).mapToObj((reader) -> Thread.ofPlatform().start(() -> {
			// what ProfileDirectory does for each friend list: the cache, else
			// user-service
			while (running.get()) {
				if (this.cache.getAll(List.of(id)).isEmpty()) {
					this.cache.putAll(List.of(userService.get()));
				}
				reads.incrementAndGet(reader);
			}
		})).toList();
		try {
			for (int version = 1; version <= 100; version++) {
				// the last change's tombstone has expired: the readers cache the profile
				// again
				this.redis.delete(ProfileCache.key(id));
				awaitNextReads(reads);
				String current = "v" + version;
				userService.set(new UserProfile(id, current, "", null));
				this.cache.evict(id);
				awaitNextReads(reads);
				Map<UUID, UserProfile> cached = this.cache.getAll(List.of(id));
				assertThat(cached.values()).as("after change %d", version)
					.allSatisfy((profile) -> assertThat(profile.displayName()).isEqualTo(current));
			}
		}
		finally {
			running.set(false);
			for (Thread thread : readers) {
				thread.join();
			}
		}
	}

	/** Until every reader has finished a read begun after this call. */
	private static void awaitNextReads(AtomicLongArray reads) {
		for (int reader = 0; reader < reads.length(); reader++) {
			long seen = reads.get(reader);
			while (reads.get(reader) < seen + 2) {
				Thread.onSpinWait();
			}
		}
	}

}
