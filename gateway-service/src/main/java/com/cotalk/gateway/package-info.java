/**
 * The public entry of Co-Talk: routes (application.yml), request hygiene, JWT checks and
 * rate limits; no domain code.
 */
@NullMarked
package com.cotalk.gateway;

import org.jspecify.annotations.NullMarked;
