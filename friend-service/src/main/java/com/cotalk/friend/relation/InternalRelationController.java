package com.cotalk.friend.relation;

import java.util.List;
import java.util.UUID;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import com.cotalk.friend.block.BlockService;
import com.cotalk.friend.friendship.FriendService;

import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * Service-to-service reads: chat-service asks whether two users may talk (it refuses
 * direct rooms and messages into them when either blocked the other) and whom to tell
 * about a user's presence.
 */
@RestController
@Tag(name = "internal")
class InternalRelationController {

	private final FriendService friends;

	private final BlockService blocks;

	InternalRelationController(FriendService friends, BlockService blocks) {
		this.friends = friends;
		this.blocks = blocks;
	}

	/** {@code blocked}: either user blocked the other. */
	@GetMapping("/internal/relations")
	RelationResponse relation(@RequestParam UUID userId, @RequestParam UUID otherId) {
		return new RelationResponse(this.friends.areFriends(userId, otherId),
				this.blocks.isBlockedEitherWay(userId, otherId));
	}

	/**
	 * Those of {@code otherIds} whom the user blocked or who blocked the user (for
	 * putting several users in a group at once).
	 */
	@PostMapping("/internal/relations/blocked")
	BlockedAmongResponse blockedAmong(@Valid @RequestBody BlockedAmongRequest request) {
		return new BlockedAmongResponse(this.blocks.blockedEitherWayAmong(request.userId(), request.otherIds()));
	}

	@GetMapping("/internal/friends/{userId}/ids")
	FriendIdsResponse friendIds(@PathVariable UUID userId) {
		return new FriendIdsResponse(this.friends.friendIds(userId));
	}

	record RelationResponse(boolean friends, boolean blocked) {
	}

	record FriendIdsResponse(List<UUID> items) {
	}

	record BlockedAmongRequest(@NotNull UUID userId, @NotNull @Size(max = 1000) List<@NotNull UUID> otherIds) {
	}

	record BlockedAmongResponse(List<UUID> items) {
	}

}
