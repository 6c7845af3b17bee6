package com.cotalk.friend.profile;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;

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

}
