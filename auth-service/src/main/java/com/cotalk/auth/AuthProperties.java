package com.cotalk.auth;

import java.net.URI;
import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param userServiceUrl where profiles are created at sign-up
 * @param jwt how access tokens are signed
 * @param loginThrottle how many login attempts are let through
 */
@ConfigurationProperties("cotalk.auth")
public record AuthProperties(URI userServiceUrl, Jwt jwt, LoginThrottle loginThrottle) {

	/**
	 * @param keyId the {@code kid} of the configured key
	 * @param privateKey PEM (PKCS#8) RSA private key; empty means a development key is
	 * generated and kept in the database
	 * @param previousPublicKeys keys that signed tokens still in circulation, published
	 * in the JWKS during a rotation
	 */
	public record Jwt(@DefaultValue("cotalk") String issuer, @DefaultValue("cotalk-api") String audience,
			@DefaultValue("15m") Duration accessTokenTtl, @DefaultValue("30d") Duration refreshTokenTtl,
			@DefaultValue("") String keyId, @DefaultValue("") String privateKey,
			@DefaultValue List<PublicKeyEntry> previousPublicKeys) {
	}

	public record PublicKeyEntry(String keyId, String publicKey) {
	}

	/**
	 * @param perIpAttempts login attempts per client address per {@code perIpWindow}
	 * @param perAccountFailures failed logins on one account from one address per
	 * {@code perAccountWindow}: a guesser elsewhere does not lock the owner out
	 * @param perAccountAnyAddressFailures failed logins on one account from all addresses
	 * together per {@code perAccountWindow}, against guessing spread over many addresses
	 */
	public record LoginThrottle(@DefaultValue("30") int perIpAttempts, @DefaultValue("1m") Duration perIpWindow,
			@DefaultValue("5") int perAccountFailures, @DefaultValue("15m") Duration perAccountWindow,
			@DefaultValue("50") int perAccountAnyAddressFailures) {
	}

}
