/**
 * Profiles (display name, status message, avatar) and user search. Owns the {@code users}
 * schema.
 */
@NullMarked
package com.cotalk.user;

import org.jspecify.annotations.NullMarked;
