/**
 * Push to devices whose user has no live session: Web Push (RFC 8030/8291/8292), FCM HTTP
 * v1 and APNs behind {@link com.cotalk.notification.push.PushProviders}. A
 * {@link com.cotalk.notification.push.PushOutcome.Gone} outcome means the device must be
 * removed.
 */
@NullMarked
package com.cotalk.notification.push;

import org.jspecify.annotations.NullMarked;
