package com.cotalk.chat.delivery;

import java.util.UUID;

record PresenceEvent(String type, UUID userId, boolean online) {

	static PresenceEvent of(UUID userId, boolean online) {
		return new PresenceEvent("presence", userId, online);
	}

}
