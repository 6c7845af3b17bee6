package com.cotalk.auth.account;

import java.util.UUID;

record SignupResponse(UUID userId, String email, String displayName) {
}
