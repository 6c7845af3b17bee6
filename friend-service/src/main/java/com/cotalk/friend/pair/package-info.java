/** The lock that makes every change between two users happen one at a time. */
@NullMarked
package com.cotalk.friend.pair;

import org.jspecify.annotations.NullMarked;
