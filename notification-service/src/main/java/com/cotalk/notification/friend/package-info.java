/**
 * Friend requests and acceptances from friend-service's {@code events:friends} stream,
 * made into notifications for the user they are addressed to.
 */
@NullMarked
package com.cotalk.notification.friend;

import org.jspecify.annotations.NullMarked;
