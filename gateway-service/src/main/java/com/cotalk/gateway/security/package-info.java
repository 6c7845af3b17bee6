/**
 * Who is calling: access-token verification and the identity headers passed downstream.
 */
@NullMarked
package com.cotalk.gateway.security;

import org.jspecify.annotations.NullMarked;
