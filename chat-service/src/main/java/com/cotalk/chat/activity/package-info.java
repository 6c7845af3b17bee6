/**
 * When a room was last active (it orders the chat list), written behind like read
 * positions: the latest pending time per room, flushed in one statement.
 */
@NullMarked
package com.cotalk.chat.activity;

import org.jspecify.annotations.NullMarked;
