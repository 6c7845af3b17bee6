package com.cotalk.friend;

import java.net.URI;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param userServiceUrl where profiles are looked up ({@code GET /internal/users?ids=})
 * @param profileCacheTtl how long a profile stays in the Redis cache; a profile change
 * evicts it at once
 * @param eventStreamMaxLength the approximate length {@code events:friends} is trimmed to
 * @param requestsPerDay friend requests one account may send a day
 * @param requestsPerPairPerDay friend requests one account may send the same user a day
 * (a request cancelled and sent again counts again: each notifies the user)
 */
@ConfigurationProperties("cotalk.friend")
public record FriendProperties(@DefaultValue("http://localhost:8082") URI userServiceUrl,
		@DefaultValue("10m") Duration profileCacheTtl, @DefaultValue("100000") long eventStreamMaxLength,
		@DefaultValue("100") int requestsPerDay, @DefaultValue("3") int requestsPerPairPerDay) {
}
