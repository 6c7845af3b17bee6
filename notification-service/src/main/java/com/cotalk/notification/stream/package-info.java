/**
 * Reading Redis Streams with the consumer group {@code notification-service}: one reader
 * per stream on a virtual thread with its own connection, acknowledging an entry only
 * once its handler has succeeded, retrying while something it needs is down, claiming
 * what a crashed consumer left behind, and logging and acknowledging entries that can
 * never succeed. Features declare what they read as {@link StreamSource}s.
 */
@NullMarked
package com.cotalk.notification.stream;

import org.jspecify.annotations.NullMarked;
