package com.cotalk.chat.delivery;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Limits of the STOMP endpoint.
 *
 * @param heartbeat the heart-beat the server sends and expects (STOMP {@code heart-beat}
 * negotiation: the larger of this and the client's)
 * @param messageSizeLimit the largest inbound frame; a larger one closes the connection
 * @param sendTimeLimit how long one write to a client may take before the session is
 * closed
 * @param sendBufferSizeLimit how much may wait in Spring's per-session send buffer
 * @param outboundQueueLimit how many events may wait for a session; a session that falls
 * further behind is closed (the client reconnects and catches up over REST). Typing
 * events are dropped once half of it is used.
 * @param timeToFirstMessage how long a socket may stay open without a {@code CONNECT}
 * @param maxSessionsPerUser live sessions per user on one instance; a new one closes the
 * oldest
 * @param sendRate messages per second a user may send over STOMP (per instance)
 * @param sendBurst messages a user may send at once
 * @param typingThrottle a member's {@code typing: true} in a room is passed on at most
 * this often (clients repeat it while the user types)
 * @param typingTimeout a typer not heard from for this long has stopped: the room gets a
 * {@code typing: false} for them
 * @param unauthenticatedSocketsPerAddress sockets one client address may hold without a
 * {@code CONNECT} (per instance); more get 429 at the handshake
 * @param maxSessionsPerUserEverywhere live sessions per user on all instances together; a
 * {@code CONNECT} past it gets {@code ERROR SESSION_LIMIT}
 */
@ConfigurationProperties("cotalk.chat.ws")
record DeliveryProperties(@DefaultValue("10s") Duration heartbeat, @DefaultValue("64KB") DataSize messageSizeLimit,
		@DefaultValue("10s") Duration sendTimeLimit, @DefaultValue("512KB") DataSize sendBufferSizeLimit,
		@DefaultValue("1000") int outboundQueueLimit, @DefaultValue("10s") Duration timeToFirstMessage,
		@DefaultValue("10") int maxSessionsPerUser, @DefaultValue("20") int sendRate, @DefaultValue("40") int sendBurst,
		@DefaultValue("3s") Duration typingThrottle, @DefaultValue("6s") Duration typingTimeout,
		@DefaultValue("20") int unauthenticatedSocketsPerAddress,
		@DefaultValue("20") int maxSessionsPerUserEverywhere) {
}
