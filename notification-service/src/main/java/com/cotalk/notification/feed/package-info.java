/**
 * Every accepted message, read from chat-service's partition streams with the group and
 * handed to each {@link com.cotalk.notification.feed.MessageHandler} (mentions; push
 * later).
 */
@NullMarked
package com.cotalk.notification.feed;

import org.jspecify.annotations.NullMarked;
