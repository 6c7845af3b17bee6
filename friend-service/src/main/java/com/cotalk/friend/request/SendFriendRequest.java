package com.cotalk.friend.request;

import java.util.UUID;

import jakarta.validation.constraints.NotNull;

/**
 * @param userId whom to ask
 */
record SendFriendRequest(@NotNull UUID userId) {
}
