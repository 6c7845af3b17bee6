package com.cotalk.notification.dispatch;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param foldWindow how long a push waits for more messages of the same room, which it
 * then carries instead (the newest one, with the count)
 * @param maxAttempts how often a push a provider could not take (429, 5xx, timeouts) is
 * tried before it is dead-lettered
 * @param firstRetry the wait before the second attempt; doubled for each one after
 * @param lease how long a worker holds a due push before another instance may take it (a
 * crashed worker's pushes go out after this)
 * @param pollInterval how often due pushes are looked for
 * @param membersCache how long a room's members (and their mutes) are reused for further
 * messages of the room: a burst of messages costs one chat-service call, a new mute or
 * member counts after at most this
 */
@ConfigurationProperties("cotalk.notification.dispatch")
record DispatchProperties(@DefaultValue("2s") Duration foldWindow, @DefaultValue("5") int maxAttempts,
		@DefaultValue("5s") Duration firstRetry, @DefaultValue("60s") Duration lease,
		@DefaultValue("250ms") Duration pollInterval, @DefaultValue("2s") Duration membersCache) {
}
