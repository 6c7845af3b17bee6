package com.cotalk.chat.presence;

import java.util.UUID;

import org.springframework.stereotype.Component;

import com.cotalk.common.presence.UserChannels;

/**
 * This instance's identity in Redis, new at every start: a restarted instance is a new
 * one, and whatever its previous life left behind is swept like a crash's.
 */
@Component
public class InstanceId {

	private final String value = UUID.randomUUID().toString().replace("-", "").substring(0, 16);

	public String value() {
		return this.value;
	}

	/** The channel events for users connected here arrive on. */
	public String channel() {
		return UserChannels.channel(this.value);
	}

	@Override
	public String toString() {
		return this.value;
	}

}
