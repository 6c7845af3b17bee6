/** The one-command local stack, also used by the end-to-end tests. */
@NullMarked
package com.cotalk.localstack;

import org.jspecify.annotations.NullMarked;
