/**
 * chat-service: rooms, membership, read state, the chat list and the message send path.
 * One package per feature: {@code room} (rooms, members, the chat list, the internal
 * API), {@code message} (the send path: one Redis script per message), beneath them
 * {@code member} (the cached membership check), {@code read} (coalesced read positions),
 * {@code activity} (coalesced room activity), {@code profile} and {@code relation}
 * (user-service and friend-service). STOMP delivery goes beside them in {@code delivery}.
 */
@NullMarked
package com.cotalk.chat;

import org.jspecify.annotations.NullMarked;
