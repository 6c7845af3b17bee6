package com.cotalk.common.security;

import java.net.URI;
import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How a service checks who is calling.
 *
 * @param jwt how access tokens are verified
 * @param internalToken the shared credential that {@code /internal/**} callers present
 * (at least 16 characters)
 * @param publicPaths path patterns that need no token (besides health and API docs)
 */
@ConfigurationProperties("cotalk.security")
public record CotalkSecurityProperties(Jwt jwt, String internalToken, @DefaultValue List<String> publicPaths) {

	public CotalkSecurityProperties {
		if (internalToken == null || internalToken.length() < 16) {
			throw new IllegalStateException(
					"cotalk.security.internal-token (COTALK_INTERNAL_TOKEN) must be set to a secret of at least 16 characters");
		}
	}

	/**
	 * @param jwksUri where the auth-service publishes its keys
	 * @param issuer the only accepted {@code iss}
	 * @param audience the audience every token must name
	 * @param jwksMinRefetchInterval at most one fetch of the keys in this time, however
	 * many tokens name a key that is not known (made-up {@code kid}s cost nothing)
	 * @param jwksCacheTtl how long fetched keys are used before they are fetched again
	 * @param jwksTimeout connect and read timeout of a fetch
	 */
	public record Jwt(@DefaultValue("http://localhost:8081/api/auth/jwks") URI jwksUri,
			@DefaultValue("cotalk") String issuer, @DefaultValue("cotalk-api") String audience,
			@DefaultValue("10s") Duration jwksMinRefetchInterval, @DefaultValue("5m") Duration jwksCacheTtl,
			@DefaultValue("5s") Duration jwksTimeout) {
	}

}
