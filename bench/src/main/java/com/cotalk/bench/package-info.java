/**
 * Benchmarks: real clients over real sockets against a running stack. Not tests: they
 * measure, they do not assert.
 */
@NullMarked
package com.cotalk.bench;

import org.jspecify.annotations.NullMarked;
