package com.cotalk.common.security;

import java.util.UUID;

/**
 * The caller of a request, taken from its verified access token. Declare it as a
 * controller method parameter.
 */
public record AuthenticatedUser(UUID id) {
}
