/**
 * Read positions ({@code lastReadSeq}), written behind: the highest pending position per
 * member is kept in memory and flushed in one batched statement every
 * {@code flush-interval}. Reads on this instance see pending positions at once.
 */
@NullMarked
package com.cotalk.chat.read;

import org.jspecify.annotations.NullMarked;
