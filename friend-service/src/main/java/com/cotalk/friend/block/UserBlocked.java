package com.cotalk.friend.block;

import java.util.UUID;

/**
 * Raised inside the blocking transaction; the friendship and request features end what
 * lay between the two users in that same transaction.
 */
public record UserBlocked(UUID blockerId, UUID blockedId) {
}
