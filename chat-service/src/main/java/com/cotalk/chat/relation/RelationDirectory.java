package com.cotalk.chat.relation;

import java.net.http.HttpClient;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;

import com.cotalk.chat.ChatProperties;
import com.cotalk.common.error.ApiException;
import com.cotalk.common.error.ErrorCode;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * friend-service's {@code GET /internal/relations}: whether either user blocked the
 * other. Opening a direct room and putting users in a group always ask; sending into one
 * uses an answer at most {@code relation-cache-ttl} old, so a block stops messages within
 * that time.
 */
@Component
public class RelationDirectory {

	private static final Logger log = LoggerFactory.getLogger(RelationDirectory.class);

	private final RestClient client;

	private final Cache<Pair, Boolean> blocked;

	private final Cache<UUID, List<UUID>> friends;

	RelationDirectory(RestClient.Builder builder, ChatProperties properties) {
		HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
		JdkClientHttpRequestFactory factory = new JdkClientHttpRequestFactory(http);
		factory.setReadTimeout(Duration.ofSeconds(3));
		this.client = builder.baseUrl(properties.friendServiceUrl().toString()).requestFactory(factory).build();
		this.blocked = Caffeine.newBuilder()
			.maximumSize(100_000)
			.expireAfterWrite(properties.relationCacheTtl())
			.build();
		this.friends = Caffeine.newBuilder()
			.maximumSize(100_000)
			.expireAfterWrite(properties.relationCacheTtl())
			.build();
	}

	/**
	 * The user's friends (whom their presence is told to), at most
	 * {@code relation-cache-ttl} old.
	 */
	public List<UUID> friendIds(UUID userId) {
		return this.friends.get(userId, this::fetchFriends);
	}

	private List<UUID> fetchFriends(UUID userId) {
		FriendIds found;
		try {
			found = this.client.get().uri("/internal/friends/{userId}/ids", userId).retrieve().body(FriendIds.class);
		}
		catch (RestClientException ex) {
			log.warn("friend-service did not answer the friends of a user: {}", ex.getClass().getSimpleName());
			throw unavailable();
		}
		return (found != null && found.items() != null) ? List.copyOf(found.items()) : List.of();
	}

	/** Asks friend-service now (and leaves the cache alone). */
	public boolean isBlockedEitherWay(UUID one, UUID other) {
		return fetch(one, other);
	}

	/** A recent answer will do. */
	public boolean isBlockedEitherWayCached(UUID one, UUID other) {
		return this.blocked.get(Pair.of(one, other), (pair) -> fetch(one, other));
	}

	/**
	 * Asks friend-service now which of the others the user blocked or was blocked by
	 * (putting users in a group: a block keeps them apart there too).
	 */
	public List<UUID> blockedEitherWayAmong(UUID userId, List<UUID> others) {
		if (others.isEmpty()) {
			return List.of();
		}
		FriendIds found;
		try {
			found = this.client.post()
				.uri("/internal/relations/blocked")
				.body(new BlockedAmong(userId, others))
				.retrieve()
				.body(FriendIds.class);
		}
		catch (RestClientException ex) {
			log.warn("friend-service did not answer a block check: {}", ex.getClass().getSimpleName());
			throw unavailable();
		}
		if (found == null || found.items() == null) {
			throw unavailable();
		}
		return List.copyOf(found.items());
	}

	private boolean fetch(UUID one, UUID other) {
		Relation relation;
		try {
			relation = this.client.get()
				.uri((uri) -> uri.path("/internal/relations")
					.queryParam("userId", one)
					.queryParam("otherId", other)
					.build())
				.retrieve()
				.body(Relation.class);
		}
		catch (RestClientException ex) {
			log.warn("friend-service did not answer a relation check: {}", ex.getClass().getSimpleName());
			throw unavailable();
		}
		if (relation == null) {
			throw unavailable();
		}
		return relation.blocked();
	}

	private static ApiException unavailable() {
		return new ApiException(HttpStatus.SERVICE_UNAVAILABLE, ErrorCode.SERVICE_UNAVAILABLE,
				"Relations are temporarily unavailable; try again shortly.");
	}

	@JsonIgnoreProperties(ignoreUnknown = true)
	record FriendIds(@Nullable List<UUID> items) {
	}

	record BlockedAmong(UUID userId, List<UUID> otherIds) {
	}

	@JsonIgnoreProperties(ignoreUnknown = true)
	record Relation(boolean friends, boolean blocked) {
	}

	/** Orderless, so that both directions share one entry. */
	record Pair(UUID lo, UUID hi) {

		static Pair of(UUID one, UUID other) {
			return (one.compareTo(other) < 0) ? new Pair(one, other) : new Pair(other, one);
		}

	}

}
