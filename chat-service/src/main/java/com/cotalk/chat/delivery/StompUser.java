package com.cotalk.chat.delivery;

import java.security.Principal;
import java.util.UUID;

/** A STOMP session's verified user; its name is the user id. */
record StompUser(UUID id) implements Principal {

	@Override
	public String getName() {
		return this.id.toString();
	}

	static UUID idOf(Principal principal) {
		return (principal instanceof StompUser user) ? user.id() : UUID.fromString(principal.getName());
	}

}
