/**
 * Pushes for new messages: members of the room with no live STOMP session and the room
 * not muted get one push per device, messages close together in one room folded into one;
 * queued in Redis so that a restart or a provider outage delays pushes and loses none,
 * retried with backoff, dead-lettered when they keep failing.
 */
@NullMarked
package com.cotalk.notification.dispatch;

import org.jspecify.annotations.NullMarked;
