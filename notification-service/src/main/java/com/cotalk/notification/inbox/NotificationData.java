package com.cotalk.notification.inbox;

import java.util.UUID;

import org.jspecify.annotations.Nullable;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * The ids a notification is about; only those that apply are present.
 *
 * @param fromUserId who caused it (the requester, the accepter, the inviter, the sender)
 * @param requestId the friend request
 * @param roomId the room
 * @param roomName the group's name when invited
 * @param seq the message mentioning the user
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record NotificationData(@Nullable UUID fromUserId, @Nullable UUID requestId, @Nullable UUID roomId,
		@Nullable String roomName, @Nullable Long seq) {
}
