/**
 * Presence: which users have a live STOMP session on any instance, kept in Redis
 * ({@link com.cotalk.common.presence.PresenceKeys}), which instance holds each of them,
 * and which instances have stopped (crashed) so that their users go offline.
 */
@NullMarked
package com.cotalk.chat.presence;

import org.jspecify.annotations.NullMarked;
