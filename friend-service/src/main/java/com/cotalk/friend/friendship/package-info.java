/** Friendships and the friend list with profiles and the online flag. */
@NullMarked
package com.cotalk.friend.friendship;

import org.jspecify.annotations.NullMarked;
