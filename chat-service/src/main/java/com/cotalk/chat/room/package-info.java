/**
 * Rooms: direct rooms (one per pair) and groups, membership, read positions and settings,
 * the chat list, and the internal membership API message-service asks.
 */
@NullMarked
package com.cotalk.chat.room;

import org.jspecify.annotations.NullMarked;
