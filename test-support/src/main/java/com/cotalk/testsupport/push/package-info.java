/** A loopback Web Push service and a browser-side subscriber for push tests. */
@NullMarked
package com.cotalk.testsupport.push;

import org.jspecify.annotations.NullMarked;
