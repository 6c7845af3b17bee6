/**
 * Message persistence and history. Owns the {@code messages} schema: reads the accepted
 * messages chat-service appends to the partition streams into a month-partitioned table,
 * and serves room history and the lookups chat-service needs.
 */
@NullMarked
package com.cotalk.message;

import org.jspecify.annotations.NullMarked;
