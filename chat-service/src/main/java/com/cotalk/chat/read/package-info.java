/**
 * Read positions ({@code lastReadSeq}): moved at once in the room's Redis hash, which all
 * instances read, and written behind to PostgreSQL, where the highest pending position
 * per member is kept in memory and flushed in one batched statement every
 * {@code flush-interval}.
 */
@NullMarked
package com.cotalk.chat.read;

import org.jspecify.annotations.NullMarked;
