/**
 * Request hygiene before anything is routed: correlation ids, path-traversal defence,
 * body size.
 */
@NullMarked
package com.cotalk.gateway.web;

import org.jspecify.annotations.NullMarked;
