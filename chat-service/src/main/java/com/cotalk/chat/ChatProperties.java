package com.cotalk.chat;

import java.net.URI;
import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param userServiceUrl profiles ({@code GET /internal/users?ids=})
 * @param friendServiceUrl blocks ({@code GET /internal/relations})
 * @param messageServiceUrl stored history ({@code max-seq}, {@code last-messages})
 * @param shardedPubsub publish on the room channel with {@code SPUBLISH} (Redis Cluster,
 * Redis 7+) instead of {@code PUBLISH}
 * @param dedupeTtl how long a {@code clientMsgId} is remembered per sender and room
 * @param flushInterval how often coalesced read positions and room activity are written
 * @param readPositionTtl how long an idle room's read positions stay in Redis, where
 * every instance sees them before they are written to PostgreSQL
 * @param membershipCacheTtl how long another instance may take to see a join or leave
 * @param relationCacheTtl how long a block may take to stop messages in a direct room
 * @param profileCacheTtl how long a display name is kept in process
 * @param allowedOrigins browser origins that may open the STOMP WebSocket (patterns such
 * as {@code https://*.example.com}); requests without an {@code Origin} (native apps) and
 * same-origin requests are always allowed
 * @param limits what one account may do
 */
@ConfigurationProperties("cotalk.chat")
public record ChatProperties(@DefaultValue("http://localhost:8082") URI userServiceUrl,
		@DefaultValue("http://localhost:8083") URI friendServiceUrl,
		@DefaultValue("http://localhost:8085") URI messageServiceUrl, @DefaultValue("false") boolean shardedPubsub,
		@DefaultValue("7d") Duration dedupeTtl, @DefaultValue("200ms") Duration flushInterval,
		@DefaultValue("1d") Duration readPositionTtl, @DefaultValue("10s") Duration membershipCacheTtl,
		@DefaultValue("5s") Duration relationCacheTtl, @DefaultValue("1m") Duration profileCacheTtl,
		@DefaultValue List<String> allowedOrigins, @DefaultValue Limits limits) {

	/**
	 * @param groupsPerHour groups one account may create an hour
	 * @param invitationsPerHour users one account may put in groups an hour (at creation
	 * and by invitation)
	 * @param roomsPerUser rooms a user may be a member of at once
	 */
	public record Limits(@DefaultValue("20") int groupsPerHour, @DefaultValue("1000") int invitationsPerHour,
			@DefaultValue("1000") int roomsPerUser) {
	}

}
