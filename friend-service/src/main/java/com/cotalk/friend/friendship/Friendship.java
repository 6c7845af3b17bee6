package com.cotalk.friend.friendship;

import java.time.Instant;
import java.util.UUID;

/** One direction of a friendship, as its owner sees it. */
record Friendship(UUID friendId, Instant since) {
}
