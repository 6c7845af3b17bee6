package com.cotalk.e2e;

import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import com.cotalk.localstack.Service;
import com.cotalk.localstack.Stack;
import com.cotalk.testsupport.TestInfrastructure;

/**
 * The real stack, started once per test JVM on free ports against the test PostgreSQL and
 * Redis, with two chat-service instances behind the gateway. auth-service signs with a
 * key made here, so that tests can also forge tokens the way an attacker with the key
 * could not (expired, wrong audience) and check that the gateway refuses them.
 */
final class E2eStack {

	static final KeyPair SIGNING_KEYS = generate();

	static final String KID = "e2e-key";

	private static Stack stack;

	private static RuntimeException startFailure;

	private E2eStack() {
	}

	static synchronized Stack get() {
		if (startFailure != null) {
			throw startFailure;
		}
		if (stack == null) {
			TestInfrastructure.Postgres pg = TestInfrastructure.postgres();
			Map<Service, Integer> ports = new EnumMap<>(Service.class);
			for (Service service : Service.values()) {
				ports.put(service, TestInfrastructure.freePort());
			}
			// all test traffic comes from 127.0.0.1 in bursts; rate limits have their own
			// tests in gateway-service and auth-service, here they would only slow the
			// suite
			Map<String, String> env = Map.of("COTALK_JWT_PRIVATE_KEY",
					pem("PRIVATE KEY", SIGNING_KEYS.getPrivate().getEncoded()), "COTALK_JWT_KEY_ID", KID,
					"COTALK_RATE_LIMIT_AUTH_PER_SECOND", "1000", "COTALK_RATE_LIMIT_AUTH_BURST", "1000",
					"COTALK_RATE_LIMIT_IP_PER_SECOND", "5000", "COTALK_RATE_LIMIT_IP_BURST", "5000",
					"COTALK_RATE_LIMIT_USER_PER_SECOND", "5000", "COTALK_RATE_LIMIT_USER_BURST", "5000",
					"COTALK_LOGIN_PER_IP", "100000");
			try {
				stack = start(ports, env, pg);
			}
			catch (RuntimeException ex) {
				startFailure = ex;
				throw ex;
			}
			Runtime.getRuntime().addShutdownHook(new Thread(stack::close));
		}
		return stack;
	}

	private static Stack start(Map<Service, Integer> ports, Map<String, String> env, TestInfrastructure.Postgres pg) {
		Path root = Path.of("").toAbsolutePath().getParent();
		return Stack.start(new Stack.Options(root, Path.of("target", "stack-logs"), pg.jdbcUrl(), pg.user(),
				pg.password(), TestInfrastructure.redisUrl(), "e2e-internal-token-0123456789", ports,
				List.of(TestInfrastructure.freePort()), env, System.out::println));
	}

	/** The WebSocket URL of each chat-service instance, bypassing the gateway. */
	static List<String> chatInstanceWebSocketUrls() {
		return get().instances(Service.CHAT).stream().map((chat) -> "ws://localhost:" + chat.port() + "/ws").toList();
	}

	/** The gateway's {@code /ws}. */
	static String gatewayWebSocketUrl() {
		return gatewayUrl().replaceFirst("^http", "ws") + "/ws";
	}

	static String gatewayUrl() {
		return get().gatewayUrl();
	}

	private static String pem(String type, byte[] der) {
		return "-----BEGIN " + type + "-----\n" + Base64.getMimeEncoder().encodeToString(der) + "\n-----END " + type
				+ "-----\n";
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
