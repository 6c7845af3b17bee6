package com.cotalk.testsupport;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.interfaces.RSAPublicKey;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.UUID;

import com.sun.net.httpserver.HttpServer;

import io.jsonwebtoken.Jwts;

/**
 * A real RS256 signer with its JWKS served over HTTP on loopback, standing in for the
 * auth-service in tests of the other services: they verify these tokens exactly as they
 * verify production ones (JWKS fetch, signature, iss, aud, exp).
 */
public final class TestTokens {

	public static final String ISSUER = "cotalk";

	public static final String AUDIENCE = "cotalk-api";

	public static final String KID = "test-key";

	private static final KeyPair KEYS = generate();

	private static String jwksUri;

	private TestTokens() {
	}

	public static synchronized String jwksUri() {
		if (jwksUri == null) {
			jwksUri = serveJwks();
		}
		return jwksUri;
	}

	/** A valid 15-minute access token for the user. */
	public static String accessToken(UUID userId) {
		return accessToken(userId, Instant.now().plus(Duration.ofMinutes(15)));
	}

	public static String accessToken(UUID userId, Instant expiresAt) {
		return Jwts.builder()
			.header()
			.keyId(KID)
			.and()
			.subject(userId.toString())
			.issuer(ISSUER)
			.audience()
			.add(AUDIENCE)
			.and()
			.issuedAt(Date.from(Instant.now()))
			.expiration(Date.from(expiresAt))
			.id(UUID.randomUUID().toString())
			.signWith(KEYS.getPrivate(), Jwts.SIG.RS256)
			.compact();
	}

	private static String serveJwks() {
		RSAPublicKey key = (RSAPublicKey) KEYS.getPublic();
		Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
		String json = "{\"keys\":[{\"kty\":\"RSA\",\"use\":\"sig\",\"alg\":\"RS256\",\"kid\":\"" + KID + "\",\"n\":\""
				+ b64.encodeToString(unsigned(key.getModulus().toByteArray())) + "\",\"e\":\""
				+ b64.encodeToString(unsigned(key.getPublicExponent().toByteArray())) + "\"}]}";
		byte[] body = json.getBytes(StandardCharsets.UTF_8);
		try {
			HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
			server.createContext("/jwks", (exchange) -> {
				exchange.getResponseHeaders().set("Content-Type", "application/json");
				exchange.sendResponseHeaders(200, body.length);
				try (OutputStream out = exchange.getResponseBody()) {
					out.write(body);
				}
			});
			server.start();
			return "http://127.0.0.1:" + server.getAddress().getPort() + "/jwks";
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static byte[] unsigned(byte[] bytes) {
		return (bytes.length > 1 && bytes[0] == 0) ? java.util.Arrays.copyOfRange(bytes, 1, bytes.length) : bytes;
	}

	private static KeyPair generate() {
		try {
			KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
			generator.initialize(2048);
			return generator.generateKeyPair();
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
