package com.cotalk.gateway;

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
import java.util.Arrays;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;

import com.sun.net.httpserver.HttpServer;

import io.jsonwebtoken.JwtBuilder;
import io.jsonwebtoken.Jwts;

/**
 * The gateway tests' own token issuer. test-support's {@code TestTokens} keeps its key
 * private, but these tests need to sign tokens with the trusted key and wrong claims, and
 * to rotate keys; its JWKS counts how often it is fetched.
 */
final class TestKeys {

	static final String ISSUER = "cotalk";

	static final String AUDIENCE = "cotalk-api";

	static final Key PRIMARY = Key.generate("gateway-test-1");

	private static final List<Key> PUBLISHED = new CopyOnWriteArrayList<>(List.of(PRIMARY));

	private static final AtomicInteger JWKS_FETCHES = new AtomicInteger();

	private static String jwksUri;

	private TestKeys() {
	}

	record Key(String kid, KeyPair pair) {

		static Key generate(String kid) {
			try {
				KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
				generator.initialize(2048);
				return new Key(kid, generator.generateKeyPair());
			}
			catch (NoSuchAlgorithmException ex) {
				throw new IllegalStateException(ex);
			}
		}

		/**
		 * A token with the usual claims for the user, changed by {@code customizer}
		 * before signing.
		 */
		String sign(UUID userId, UnaryOperator<JwtBuilder> customizer) {
			JwtBuilder builder = Jwts.builder()
				.header()
				.keyId(this.kid)
				.and()
				.subject(userId.toString())
				.issuer(ISSUER)
				.audience()
				.add(AUDIENCE)
				.and()
				.issuedAt(Date.from(Instant.now()))
				.expiration(Date.from(Instant.now().plus(Duration.ofMinutes(15))))
				.id(UUID.randomUUID().toString());
			return customizer.apply(builder).signWith(this.pair.getPrivate(), Jwts.SIG.RS256).compact();
		}

		String sign(UUID userId) {
			return sign(userId, UnaryOperator.identity());
		}

	}

	static String token(UUID userId) {
		return PRIMARY.sign(userId);
	}

	static void publish(Key key) {
		PUBLISHED.add(key);
	}

	static int jwksFetches() {
		return JWKS_FETCHES.get();
	}

	static synchronized String jwksUri() {
		if (jwksUri == null) {
			jwksUri = serveJwks();
		}
		return jwksUri;
	}

	private static String serveJwks() {
		try {
			HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
			server.createContext("/jwks", (exchange) -> {
				JWKS_FETCHES.incrementAndGet();
				byte[] body = jwks().getBytes(StandardCharsets.UTF_8);
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

	private static String jwks() {
		return PUBLISHED.stream().map(TestKeys::jwk).collect(Collectors.joining(",", "{\"keys\":[", "]}"));
	}

	private static String jwk(Key key) {
		RSAPublicKey rsa = (RSAPublicKey) key.pair().getPublic();
		return "{\"kty\":\"RSA\",\"use\":\"sig\",\"alg\":\"RS256\",\"kid\":\"" + key.kid() + "\",\"n\":\""
				+ base64Url(unsigned(rsa.getModulus().toByteArray())) + "\",\"e\":\""
				+ base64Url(unsigned(rsa.getPublicExponent().toByteArray())) + "\"}";
	}

	static String base64Url(byte[] bytes) {
		return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
	}

	private static byte[] unsigned(byte[] bytes) {
		return (bytes.length > 1 && bytes[0] == 0) ? Arrays.copyOfRange(bytes, 1, bytes.length) : bytes;
	}

}
