/**
 * Events for one user's live STOMP sessions, handed to the chat-service instances that
 * hold them.
 */
@NullMarked
package com.cotalk.notification.live;

import org.jspecify.annotations.NullMarked;
