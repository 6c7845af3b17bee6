/** Where the routes go: the downstream instances the gateway balances over. */
@NullMarked
package com.cotalk.gateway.routing;

import org.jspecify.annotations.NullMarked;
