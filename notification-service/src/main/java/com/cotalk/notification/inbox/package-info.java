/**
 * The in-app inbox: notifications stored per user (idempotently, by a dedupe key), listed
 * newest first, marked read; each new one is also sent live to the user's sessions.
 */
@NullMarked
package com.cotalk.notification.inbox;

import org.jspecify.annotations.NullMarked;
