/** Token-bucket rate limits per client address and per user, kept in Redis. */
@NullMarked
package com.cotalk.gateway.ratelimit;

import org.jspecify.annotations.NullMarked;
