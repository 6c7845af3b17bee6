/**
 * Reading stored messages: a room's history for its members, with KakaoTalk's per-message
 * unread counts derived from the members' read positions that chat-service keeps, and the
 * lookups chat-service makes over {@code /internal/rooms}.
 */
@NullMarked
package com.cotalk.message.history;

import org.jspecify.annotations.NullMarked;
