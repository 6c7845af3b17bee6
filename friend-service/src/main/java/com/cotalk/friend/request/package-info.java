/** Friend requests: send, list, accept, decline, cancel. */
@NullMarked
package com.cotalk.friend.request;

import org.jspecify.annotations.NullMarked;
