/**
 * Publishes the {@link com.cotalk.common.events.FriendEvent}s that use cases raise, after
 * their transaction commits.
 */
@NullMarked
package com.cotalk.friend.event;

import org.jspecify.annotations.NullMarked;
