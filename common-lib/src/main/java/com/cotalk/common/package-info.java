/**
 * Cross-cutting pieces every Co-Talk service uses the same way. No business logic lives
 * here.
 */
@NullMarked
package com.cotalk.common;

import org.jspecify.annotations.NullMarked;
