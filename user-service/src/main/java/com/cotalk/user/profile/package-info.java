/**
 * A user's profile: read and edited by its owner, looked up and searched by everyone
 * signed in, created by the auth-service at sign-up and read in batches by other services
 * over {@code /internal/users}.
 */
@NullMarked
package com.cotalk.user.profile;

import org.jspecify.annotations.NullMarked;
