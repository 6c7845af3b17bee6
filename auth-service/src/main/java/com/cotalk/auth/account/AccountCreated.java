package com.cotalk.auth.account;

import java.util.UUID;

/** Published inside the sign-up transaction; listeners act after it commits. */
public record AccountCreated(UUID accountId, String email, String displayName) {
}
