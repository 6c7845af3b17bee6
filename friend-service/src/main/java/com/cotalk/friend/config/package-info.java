/** Wiring that belongs to no feature: JSON format and the OpenAPI description. */
@NullMarked
package com.cotalk.friend.config;

import org.jspecify.annotations.NullMarked;
