package com.cotalk.friend.friendship;

import java.util.UUID;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import com.cotalk.common.security.AuthenticatedUser;

@RestController
@RequestMapping("/api/friends")
class FriendController {

	private final FriendService friends;

	FriendController(FriendService friends) {
		this.friends = friends;
	}

	/** Sorted by display name in Korean order. */
	@GetMapping
	FriendListResponse listFriends(AuthenticatedUser caller) {
		return new FriendListResponse(this.friends.listFriends(caller.id()));
	}

	@DeleteMapping("/{userId}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	void removeFriend(AuthenticatedUser caller, @PathVariable UUID userId) {
		this.friends.removeFriend(caller.id(), userId);
	}

}
