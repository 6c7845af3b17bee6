/** Blocks: a blocked user cannot send friend requests or chat with the blocker. */
@NullMarked
package com.cotalk.friend.block;

import org.jspecify.annotations.NullMarked;
