package com.cotalk.common.security;

import java.net.URI;
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
	 */
	public record Jwt(@DefaultValue("http://localhost:8081/api/auth/jwks") URI jwksUri,
			@DefaultValue("cotalk") String issuer, @DefaultValue("cotalk-api") String audience) {
	}

}
