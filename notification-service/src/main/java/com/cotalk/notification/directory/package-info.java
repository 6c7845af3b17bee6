/**
 * What other services know that notifications need: a room's members (chat-service) and
 * people's display names (user-service), over their internal APIs.
 */
@NullMarked
package com.cotalk.notification.directory;

import org.jspecify.annotations.NullMarked;
