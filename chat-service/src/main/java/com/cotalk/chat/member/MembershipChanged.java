package com.cotalk.chat.member;

import java.util.UUID;

/**
 * A user joined or left a room, here or on another instance (published in process; a join
 * or leave made here is announced twice: at once and when its Redis signal comes back).
 * Whether it was a join or a leave is for the listener to look up.
 */
public record MembershipChanged(UUID roomId, UUID userId) {
}
