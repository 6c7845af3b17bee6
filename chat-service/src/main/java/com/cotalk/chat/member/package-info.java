/**
 * Who is in which room, as the message path checks it: cached in process, evicted on join
 * and leave here and, through a Redis channel, on every other instance.
 */
@NullMarked
package com.cotalk.chat.member;

import org.jspecify.annotations.NullMarked;
