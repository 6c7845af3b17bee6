/**
 * Push devices: registered per user with an FCM or APNs token or a Web Push subscription,
 * validated on the way in; listed and removed by push delivery.
 */
@NullMarked
package com.cotalk.notification.device;

import org.jspecify.annotations.NullMarked;
