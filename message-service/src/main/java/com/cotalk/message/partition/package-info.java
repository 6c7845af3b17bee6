/**
 * The month partitions of {@code messages.messages}: created ahead of need, detached
 * after the retention period.
 */
@NullMarked
package com.cotalk.message.partition;

import org.jspecify.annotations.NullMarked;
