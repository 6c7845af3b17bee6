package com.cotalk.notification.directory;

import java.util.List;

import org.jspecify.annotations.Nullable;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * A room's members now.
 *
 * @param roomType {@code DIRECT} or {@code GROUP} (null for a room that does not exist)
 * @param roomName a group's name
 * @param items the members (none for a room that does not exist)
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record RoomMembers(@Nullable String roomType, @Nullable String roomName, List<RoomMember> items) {

	static final RoomMembers NONE = new RoomMembers(null, null, List.of());

}
