package com.cotalk.notification.feed;

import com.cotalk.common.messages.MessageEvent;

/**
 * Something done for each accepted message. A message is acknowledged once every handler
 * has returned; if one throws {@link com.cotalk.notification.stream.RetryLaterException}
 * (or PostgreSQL or Redis fails), all handlers get the message again later, so each must
 * be idempotent. Handlers run on the partition's reader thread: they return quickly for
 * messages they do not care about.
 */
public interface MessageHandler {

	void onMessage(MessageEvent message);

}
