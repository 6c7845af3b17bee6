/** Reads the presence that chat-service writes. */
@NullMarked
package com.cotalk.friend.presence;

import org.jspecify.annotations.NullMarked;
