package com.cotalk.auth.session;

import java.util.UUID;

/** A session (refresh-token family) was revoked: its sockets must close. */
record SessionRevoked(UUID sessionId) {
}
