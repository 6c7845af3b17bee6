package com.cotalk.gateway.security;

import java.net.URI;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How access tokens are verified: the same keys as the services'
 * {@code CotalkSecurityProperties.Jwt}, plus how the gateway fetches the JWKS.
 *
 * @param jwksUri where the auth-service publishes its keys
 * @param issuer the only accepted {@code iss}
 * @param audience the audience every token must name
 * @param jwksMinRefetchInterval how soon after one fetch a token with an unknown
 * {@code kid} may cause another
 * @param jwksTimeout connect and response timeout of one JWKS fetch
 */
@ConfigurationProperties("cotalk.security.jwt")
record JwtProperties(@DefaultValue("http://localhost:8081/api/auth/jwks") URI jwksUri,
		@DefaultValue("cotalk") String issuer, @DefaultValue("cotalk-api") String audience,
		@DefaultValue("10s") Duration jwksMinRefetchInterval, @DefaultValue("5s") Duration jwksTimeout) {
}
