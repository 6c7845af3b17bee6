package com.cotalk.notification.push;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;

/** Reads PKCS#8 PEM private keys (an APNs {@code .p8} file). */
final class PemKeys {

	private PemKeys() {
	}

	static PrivateKey readPkcs8(Path file, String algorithm) {
		try {
			return parsePkcs8(Files.readString(file), algorithm);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("cannot read the key file " + file, ex);
		}
	}

	static PrivateKey parsePkcs8(String pem, String algorithm) {
		String base64 = pem.replace("-----BEGIN PRIVATE KEY-----", "")
			.replace("-----END PRIVATE KEY-----", "")
			.replaceAll("\\s", "");
		try {
			return KeyFactory.getInstance(algorithm)
				.generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(base64)));
		}
		catch (GeneralSecurityException | IllegalArgumentException ex) {
			throw new IllegalStateException("not a PKCS#8 " + algorithm + " private key", ex);
		}
	}

}
