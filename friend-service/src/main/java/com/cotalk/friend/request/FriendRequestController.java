package com.cotalk.friend.request;

import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import com.cotalk.common.security.AuthenticatedUser;

@RestController
@RequestMapping("/api/friends/requests")
class FriendRequestController {

	private final FriendRequestService requests;

	FriendRequestController(FriendRequestService requests) {
		this.requests = requests;
	}

	/**
	 * 201 with a new pending request, or 200 with theirs accepted when they had asked me.
	 */
	@PostMapping
	ResponseEntity<FriendRequestResponse> sendRequest(AuthenticatedUser caller,
			@Valid @RequestBody SendFriendRequest body) {
		FriendRequestService.Sent sent = this.requests.sendRequest(caller.id(), body.userId());
		return ResponseEntity.status(sent.created() ? HttpStatus.CREATED : HttpStatus.OK)
			.body(FriendRequestResponse.from(sent.request()));
	}

	/**
	 * Pending requests sent to me ({@code incoming}) or by me ({@code outgoing}), newest
	 * first.
	 */
	@GetMapping
	FriendRequestListResponse listRequests(AuthenticatedUser caller,
			@RequestParam(defaultValue = "incoming") String box,
			@RequestParam(defaultValue = "100") @Min(1) @Max(500) int limit) {
		return FriendRequestListResponse.from(this.requests.listRequests(caller.id(), RequestBox.parse(box), limit));
	}

	@PostMapping("/{requestId}/accept")
	FriendRequestResponse acceptRequest(AuthenticatedUser caller, @PathVariable UUID requestId) {
		return FriendRequestResponse.from(this.requests.acceptRequest(caller.id(), requestId));
	}

	@PostMapping("/{requestId}/decline")
	FriendRequestResponse declineRequest(AuthenticatedUser caller, @PathVariable UUID requestId) {
		return FriendRequestResponse.from(this.requests.declineRequest(caller.id(), requestId));
	}

	@DeleteMapping("/{requestId}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	void cancelRequest(AuthenticatedUser caller, @PathVariable UUID requestId) {
		this.requests.cancelRequest(caller.id(), requestId);
	}

}
