/**
 * The send path: validation, the cached membership and block checks, then one Redis
 * script per message that deduplicates, numbers, appends to the partition stream and
 * publishes on the room channel. Also the rooms' sequence counters as the chat list reads
 * them and message-service's internal history API.
 */
@NullMarked
package com.cotalk.chat.message;

import org.jspecify.annotations.NullMarked;
