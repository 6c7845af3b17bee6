/**
 * Invitations into group rooms from chat-service's {@code events:rooms} stream, made into
 * a notification for each invited user.
 */
@NullMarked
package com.cotalk.notification.room;

import org.jspecify.annotations.NullMarked;
