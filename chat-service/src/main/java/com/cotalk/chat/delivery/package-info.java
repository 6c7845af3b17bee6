/**
 * Real-time delivery over STOMP on a plain WebSocket ({@code /ws}): authentication on
 * {@code CONNECT}, the allowed destinations, sending and reading over STOMP, and the
 * fan-out of room events from Redis pub/sub to the local sessions of the rooms' members,
 * through bounded per-session outboxes.
 */
@NullMarked
package com.cotalk.chat.delivery;

import org.jspecify.annotations.NullMarked;
