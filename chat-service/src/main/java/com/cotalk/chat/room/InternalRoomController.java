package com.cotalk.chat.room;

import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * Service-to-service reads: message-service asks a room's members and read positions
 * (history's unread counts and membership); presence and notifications ask a user's
 * rooms.
 */
@RestController
@Tag(name = "internal")
class InternalRoomController {

	private final RoomQueryService queries;

	InternalRoomController(RoomQueryService queries) {
		this.queries = queries;
	}

	/**
	 * 404 {@code ROOM_NOT_FOUND} for an unknown room; a room everyone left has no items.
	 */
	@GetMapping("/internal/rooms/{roomId}/members")
	MemberListResponse members(@PathVariable UUID roomId) {
		return this.queries.memberReadStates(roomId);
	}

	@GetMapping("/internal/users/{userId}/rooms")
	RoomIdListResponse roomsOf(@PathVariable UUID userId) {
		return new RoomIdListResponse(this.queries.roomIdsOf(userId));
	}

	/**
	 * @param muted the member muted the room (no pushes for it)
	 */
	record MemberReadState(UUID userId, long lastReadSeq, boolean muted) {
	}

	/**
	 * @param roomType {@code DIRECT} or {@code GROUP}
	 * @param roomName a group's name (null for direct rooms)
	 */
	record MemberListResponse(String roomType, @Nullable String roomName, List<MemberReadState> items) {
	}

	record RoomIdListResponse(List<UUID> items) {
	}

}
