package com.cotalk.notification;

import java.net.URI;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param chatServiceUrl where room members are looked up ({@code GET
 * /internal/rooms/{id}/members})
 * @param userServiceUrl where display names are looked up
 * ({@code GET /internal/users?ids=})
 * @param shardedPubsub publish live events with {@code SPUBLISH} (Redis Cluster), as
 * chat-service does; {@code PUBLISH} otherwise
 * @param allowLoopbackHttp accept {@code http} Web Push endpoints on a loopback host
 * (development only)
 * @param consumer how the event and message streams are read
 * @param devicesPerUser devices one user may register (phones, tablets, browsers)
 */
@ConfigurationProperties("cotalk.notification")
public record NotificationProperties(@DefaultValue("http://localhost:8084") URI chatServiceUrl,
		@DefaultValue("http://localhost:8082") URI userServiceUrl, @DefaultValue("false") boolean shardedPubsub,
		@DefaultValue("false") boolean allowLoopbackHttp, @DefaultValue Consumer consumer,
		@DefaultValue("10") int devicesPerUser) {

	/**
	 * @param batchSize the most entries read from a stream at a time
	 * @param block how long a read waits for new entries (on the reader's own connection)
	 * @param claimIdle how long an entry stays unacknowledged before another consumer (of
	 * a crashed instance's group) takes it over
	 * @param claimInterval how often each reader looks for such entries
	 * @param maxBackoff the longest wait between attempts while PostgreSQL, Redis or
	 * another service is down
	 * @param consumerExpiry how long a consumer with nothing pending may stay idle before
	 * it is removed from the group
	 */
	public record Consumer(@DefaultValue("100") int batchSize, @DefaultValue("2s") Duration block,
			@DefaultValue("30s") Duration claimIdle, @DefaultValue("10s") Duration claimInterval,
			@DefaultValue("5s") Duration maxBackoff, @DefaultValue("1h") Duration consumerExpiry) {
	}

}
