package com.cotalk.chat.presence;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param sessionTtl how long a session counts as live after its last refresh (what
 * friend-service's {@code online} reads)
 * @param refreshInterval how often an instance refreshes its live sessions and its own
 * heart-beat
 * @param instanceTimeout an instance whose heart-beat is older than this is taken for
 * crashed: its users' sessions are removed and those left without one go offline
 * @param sweepInterval how often an instance looks for crashed ones
 * @param announceInterval presence changes are coalesced over this interval (a user
 * reconnecting within it causes no event)
 */
@ConfigurationProperties("cotalk.chat.presence")
public record PresenceProperties(@DefaultValue("45s") Duration sessionTtl,
		@DefaultValue("15s") Duration refreshInterval, @DefaultValue("30s") Duration instanceTimeout,
		@DefaultValue("5s") Duration sweepInterval, @DefaultValue("500ms") Duration announceInterval) {

	public PresenceProperties {
		if (refreshInterval.compareTo(sessionTtl) >= 0 || refreshInterval.compareTo(instanceTimeout) >= 0) {
			throw new IllegalStateException(
					"cotalk.chat.presence.refresh-interval must be shorter than session-ttl and instance-timeout");
		}
	}

}
