/**
 * {@code @displayName} in a text message: a {@code MENTION} notification for the room
 * member with that name.
 */
@NullMarked
package com.cotalk.notification.mention;

import org.jspecify.annotations.NullMarked;
