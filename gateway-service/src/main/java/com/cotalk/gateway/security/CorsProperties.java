package com.cotalk.gateway.security;

import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Which web origins may call the API from a browser. Empty (the default) allows none:
 * mobile apps and servers need no CORS, and a browser client's origin is a deployment
 * decision.
 *
 * @param allowedOrigins exact origins such as {@code https://app.cotalk.dev}
 * @param maxAge how long browsers may cache a preflight answer
 */
@ConfigurationProperties("cotalk.gateway.cors")
record CorsProperties(@DefaultValue List<String> allowedOrigins, @DefaultValue("1h") Duration maxAge) {
}
