package com.cotalk.common.events;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * Something that happened to a room's membership, as chat-service publishes it on
 * {@link EventStreams#ROOMS}. Readers ignore fields they do not know and skip versions
 * newer than they understand.
 *
 * @param version the record's schema version ({@link #VERSION})
 * @param type what happened
 * @param eventId unique per event, for idempotent consumers
 * @param roomId the room
 * @param roomName the group's name (null for direct rooms)
 * @param actorId who did it (the one who created the group or invited)
 * @param userIds the users it happened to (the invited, not the actor)
 * @param occurredAt when
 */
public record RoomEvent(int version, Type type, UUID eventId, UUID roomId, @Nullable String roomName, UUID actorId,
		List<UUID> userIds, Instant occurredAt) {

	public static final int VERSION = 1;

	public enum Type {

		/** Users were added to a group room, by its creation or by an invitation. */
		MEMBERS_INVITED

	}

	public static RoomEvent invited(UUID roomId, @Nullable String roomName, UUID actorId, List<UUID> userIds,
			Instant at) {
		return new RoomEvent(VERSION, Type.MEMBERS_INVITED, UUID.randomUUID(), roomId, roomName, actorId,
				List.copyOf(userIds), at);
	}

}
