package com.cotalk.chat.room;

import java.util.UUID;

import jakarta.validation.Valid;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import com.cotalk.common.error.ApiException;
import com.cotalk.common.security.AuthenticatedUser;

@RestController
@RequestMapping("/api/rooms")
class RoomController {

	private final RoomService rooms;

	private final MembershipChangeService membershipChanges;

	private final RoomQueryService queries;

	RoomController(RoomService rooms, MembershipChangeService membershipChanges, RoomQueryService queries) {
		this.rooms = rooms;
		this.membershipChanges = membershipChanges;
		this.queries = queries;
	}

	/**
	 * DIRECT: 201 new or 200 the pair's existing room, 404 {@code USER_NOT_FOUND} for an
	 * unknown user and when either blocked the other. GROUP: 201.
	 */
	@PostMapping
	ResponseEntity<RoomDetailsResponse> createRoom(AuthenticatedUser caller,
			@Valid @RequestBody CreateRoomRequest request) {
		RoomService.OpenedRoom opened;
		if ("DIRECT".equals(request.type())) {
			opened = this.rooms.openDirectRoom(caller.id(), request.memberIds());
		}
		else {
			if (request.name() == null) {
				throw ApiException.validation("name", "must be 1 to 50 characters");
			}
			opened = this.rooms.createGroup(caller.id(), request.name(), request.memberIds());
		}
		return ResponseEntity.status(opened.created() ? HttpStatus.CREATED : HttpStatus.OK)
			.body(this.queries.details(caller.id(), opened.roomId()));
	}

	/** The chat list, most recent activity first (at most 500 rooms). */
	@GetMapping
	ChatListResponse listRooms(AuthenticatedUser caller) {
		return this.queries.chatList(caller.id());
	}

	@GetMapping("/{roomId}")
	RoomDetailsResponse getRoom(AuthenticatedUser caller, @PathVariable UUID roomId) {
		return this.queries.details(caller.id(), roomId);
	}

	/** GROUP rooms only (409 {@code NOT_A_GROUP_ROOM}); members only. */
	@PostMapping("/{roomId}/members")
	RoomDetailsResponse addMembers(AuthenticatedUser caller, @PathVariable UUID roomId,
			@Valid @RequestBody InviteRequest request) {
		this.membershipChanges.addMembers(caller.id(), roomId, request.userIds());
		return this.queries.details(caller.id(), roomId);
	}

	@DeleteMapping("/{roomId}/members/me")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	void leaveRoom(AuthenticatedUser caller, @PathVariable UUID roomId) {
		this.membershipChanges.leave(caller.id(), roomId);
	}

	@PutMapping("/{roomId}/read")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	void markRead(AuthenticatedUser caller, @PathVariable UUID roomId, @Valid @RequestBody ReadRequest request) {
		this.rooms.markRead(caller.id(), roomId, request.seq());
	}

	@PutMapping("/{roomId}/settings")
	RoomSettingsResponse updateSettings(AuthenticatedUser caller, @PathVariable UUID roomId,
			@Valid @RequestBody SettingsRequest request) {
		return this.rooms.updateSettings(caller.id(), roomId, request.muted());
	}

}
