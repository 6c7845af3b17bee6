/**
 * Every answer the gateway itself gives is RFC 9457 problem+json, worded without
 * internals.
 */
@NullMarked
package com.cotalk.gateway.error;

import org.jspecify.annotations.NullMarked;
