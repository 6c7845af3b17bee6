package com.cotalk.user.profile;

import java.util.UUID;

/** A user's display name, status message or avatar changed. */
record ProfileChanged(UUID userId) {
}
