package com.cotalk.auth.key;

import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.RSAPublicKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;

/**
 * PEM encoding of RSA keys (PKCS#8 private, X.509 public), as operators keep them in
 * secrets.
 */
final class Pem {

	private Pem() {
	}

	static RSAPrivateCrtKey privateKey(String pem) {
		try {
			byte[] der = decode(pem, "PRIVATE KEY");
			return (RSAPrivateCrtKey) KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(der));
		}
		catch (GeneralSecurityException | ClassCastException ex) {
			throw new IllegalStateException("cotalk.auth.jwt.private-key is not a PKCS#8 RSA private key in PEM", ex);
		}
	}

	static RSAPublicKey publicKey(String pem) {
		try {
			byte[] der = decode(pem, "PUBLIC KEY");
			return (RSAPublicKey) KeyFactory.getInstance("RSA").generatePublic(new X509EncodedKeySpec(der));
		}
		catch (GeneralSecurityException | ClassCastException ex) {
			throw new IllegalStateException("Not an RSA public key in PEM", ex);
		}
	}

	static RSAPublicKey publicKeyOf(RSAPrivateCrtKey key) {
		try {
			return (RSAPublicKey) KeyFactory.getInstance("RSA")
				.generatePublic(new RSAPublicKeySpec(key.getModulus(), key.getPublicExponent()));
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

	static String encode(String type, byte[] der) {
		String body = Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(der);
		return "-----BEGIN " + type + "-----\n" + body + "\n-----END " + type + "-----\n";
	}

	private static byte[] decode(String pem, String type) {
		String base64 = pem.replace("-----BEGIN " + type + "-----", "")
			.replace("-----END " + type + "-----", "")
			.replaceAll("\\s", "");
		return Base64.getDecoder().decode(base64);
	}

}
