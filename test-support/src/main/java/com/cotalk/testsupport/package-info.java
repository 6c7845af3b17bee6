/** Test-only helpers shared by every module's tests. */
@NullMarked
package com.cotalk.testsupport;

import org.jspecify.annotations.NullMarked;
