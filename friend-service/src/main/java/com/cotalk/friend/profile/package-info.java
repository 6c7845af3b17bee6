/**
 * Other users' profiles: cached in Redis, loaded from user-service in batches, evicted
 * when user-service signals a change.
 */
@NullMarked
package com.cotalk.friend.profile;

import org.jspecify.annotations.NullMarked;
