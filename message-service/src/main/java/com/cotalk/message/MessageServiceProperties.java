package com.cotalk.message;

import java.net.URI;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param chatServiceUrl where room membership and read positions are asked for
 * @param replicaUrl JDBC URL of a read replica for read-only transactions; empty reads
 * from the primary
 * @param shardedPubsub publish room events with {@code SPUBLISH} (Redis Cluster, Redis
 * 7+), as chat-service does with its own setting of that name; {@code PUBLISH} otherwise
 */
@ConfigurationProperties("cotalk.message")
public record MessageServiceProperties(@DefaultValue("http://localhost:8084") URI chatServiceUrl,
		@DefaultValue("") String replicaUrl, @DefaultValue("false") boolean shardedPubsub) {
}
