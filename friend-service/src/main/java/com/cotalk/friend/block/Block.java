package com.cotalk.friend.block;

import java.time.Instant;
import java.util.UUID;

/** A row of {@code blocks} as its blocker sees it. */
record Block(UUID blockedId, Instant createdAt) {
}
