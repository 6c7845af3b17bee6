/**
 * Wiring that belongs to no feature: JSON format, the OpenAPI description and the read
 * replica.
 */
@NullMarked
package com.cotalk.message.config;

import org.jspecify.annotations.NullMarked;
