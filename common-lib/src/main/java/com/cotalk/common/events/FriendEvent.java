package com.cotalk.common.events;

import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * Something that happened between two users, as friend-service publishes it on
 * {@link EventStreams#FRIENDS}. Readers ignore fields they do not know and skip versions
 * newer than they understand.
 *
 * @param version the record's schema version ({@link #VERSION})
 * @param type what happened
 * @param eventId unique per event, for idempotent consumers
 * @param actorId who did it (the sender of a request, the one who accepted or removed)
 * @param otherId the other user
 * @param requestId the friend request, where there is one
 * @param occurredAt when
 */
public record FriendEvent(int version, Type type, UUID eventId, UUID actorId, UUID otherId, @Nullable UUID requestId,
		Instant occurredAt) {

	public static final int VERSION = 1;

	public enum Type {

		FRIEND_REQUEST_CREATED, FRIEND_REQUEST_ACCEPTED, FRIENDSHIP_REMOVED

	}

	public static FriendEvent of(Type type, UUID actorId, UUID otherId, @Nullable UUID requestId, Instant at) {
		return new FriendEvent(VERSION, type, UUID.randomUUID(), actorId, otherId, requestId, at);
	}

}
