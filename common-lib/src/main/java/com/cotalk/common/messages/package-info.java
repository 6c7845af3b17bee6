/**
 * The contract of the message path between chat-service (which accepts messages and
 * appends them to Redis Streams) and message-service (which stores them): key names,
 * partitioning and the message event.
 */
@NullMarked
package com.cotalk.common.messages;

import org.jspecify.annotations.NullMarked;
