/**
 * Persistence of the message streams: every accepted message chat-service appends to a
 * partition stream is written to PostgreSQL in batches, then acknowledged, exactly once
 * in effect (redelivery is harmless), surviving crashes of either side and outages of the
 * database. See {@link com.cotalk.message.stream.StreamConsumer}.
 */
@NullMarked
package com.cotalk.message.stream;

import org.jspecify.annotations.NullMarked;
