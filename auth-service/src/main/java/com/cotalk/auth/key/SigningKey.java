package com.cotalk.auth.key;

import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;

import org.jspecify.annotations.Nullable;

/**
 * An RSA key pair under its {@code kid}; the private half is absent for keys that are
 * only published.
 */
record SigningKey(String kid, @Nullable RSAPrivateKey privateKey, RSAPublicKey publicKey) {
}
