package com.cotalk.localstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import org.jspecify.annotations.Nullable;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import redis.embedded.RedisServer;

/**
 * {@code ./cotalk}: the whole stack on one machine. Embedded real PostgreSQL and Redis
 * (or external ones from {@code COTALK_DB_URL} / {@code COTALK_REDIS_URL}), data kept
 * under {@code .cotalk-data} across restarts ({@code --clean} starts afresh), every
 * service as its own process, and everything stopped on Ctrl-C.
 */
public final class LocalStack {

	private static final int EMBEDDED_PG_PORT = 15432;

	private static final int EMBEDDED_REDIS_PORT = 16379;

	private @Nullable EmbeddedPostgres postgres;

	private @Nullable RedisServer redis;

	private @Nullable Stack stack;

	public static void main(String[] args) {
		Path root = Path.of("").toAbsolutePath();
		Path dataDir = root.resolve(".cotalk-data");
		boolean clean = false;
		int chatInstances = 1;
		for (int i = 0; i < args.length; i++) {
			switch (args[i]) {
				case "--clean" -> clean = true;
				case "--data-dir" -> dataDir = Path.of(args[++i]).toAbsolutePath();
				case "--chat-instances" -> chatInstances = Integer.parseInt(args[++i]);
				case "--help", "-h" -> {
					System.out.println("Usage: ./cotalk [--clean] [--data-dir DIR] [--chat-instances N]");
					System.out.println("  --clean     delete the data directory first (all accounts and messages)");
					System.out
						.println("  --data-dir  where PostgreSQL, Redis and the logs keep their files (.cotalk-data)");
					System.out.println("  --chat-instances  how many chat-service processes the gateway spreads"
							+ " WebSocket connections over (1; ports 8084, 8184, 8284, ...)");
					System.out
						.println("Environment: COTALK_DB_URL, COTALK_DB_USER, COTALK_DB_PASSWORD, COTALK_REDIS_URL");
					return;
				}
				default -> {
					System.err.println("Unknown option " + args[i] + " (try --help)");
					System.exit(2);
				}
			}
		}
		LocalStack local = new LocalStack();
		Runtime.getRuntime().addShutdownHook(new Thread(local::stop, "cotalk-shutdown"));
		try {
			if (chatInstances < 1 || chatInstances > 9) {
				throw new IllegalArgumentException("--chat-instances must be between 1 and 9");
			}
			local.run(root, dataDir, clean, chatInstances);
		}
		catch (RuntimeException ex) {
			System.err.println("Co-Talk did not start: " + ex.getMessage());
			System.exit(1);
		}
	}

	private void run(Path root, Path dataDir, boolean clean, int chatInstances) {
		Instant started = Instant.now();
		if (clean) {
			deleteRecursively(dataDir);
			say("Deleted " + dataDir);
		}
		createDirectories(dataDir.resolve("logs"));
		List<Integer> moreChatPorts = IntStream.range(1, chatInstances)
			.mapToObj((i) -> Service.CHAT.defaultPort() + 100 * i)
			.toList();
		requireFree(Service.values(), moreChatPorts);

		String dbUrl = Stack.env("COTALK_DB_URL");
		String dbUser = envOr("COTALK_DB_USER", "postgres");
		String dbPassword = envOr("COTALK_DB_PASSWORD", "postgres");
		if (dbUrl == null) {
			say("Starting embedded PostgreSQL (data in " + dataDir.resolve("postgres") + ") ...");
			dbUrl = startPostgres(dataDir.resolve("postgres"));
		}
		else {
			say("Using PostgreSQL at " + dbUrl);
		}
		String redisUrl = Stack.env("COTALK_REDIS_URL");
		if (redisUrl == null) {
			say("Starting embedded Redis (append-only file in " + dataDir.resolve("redis") + ") ...");
			redisUrl = startRedis(dataDir.resolve("redis"));
		}
		else {
			say("Using Redis at " + redisUrl);
		}
		Map<Service, Integer> ports = new EnumMap<>(Service.class);
		for (Service service : Service.values()) {
			ports.put(service, service.defaultPort());
		}
		say("Starting services (logs in " + dataDir.resolve("logs") + ") ...");
		this.stack = Stack.start(new Stack.Options(root, dataDir.resolve("logs"), dbUrl, dbUser, dbPassword, redisUrl,
				internalToken(dataDir), ports, moreChatPorts, Map.of(), LocalStack::say));
		long seconds = Duration.between(started, Instant.now()).toSeconds();
		say("Co-Talk is ready in " + seconds + " s: API " + this.stack.gatewayUrl() + "  WebSocket ws://localhost:"
				+ ports.get(Service.GATEWAY) + "/ws  API docs " + this.stack.gatewayUrl()
				+ "/api/docs  Press Ctrl-C to stop.");
		while (true) {
			Stack.sleep(Duration.ofSeconds(3600));
		}
	}

	private String startPostgres(Path dir) {
		try {
			createDirectories(dir);
			this.postgres = EmbeddedPostgres.builder()
				.setDataDirectory(dir)
				.setCleanDataDirectory(false)
				.setPort(freeOr(EMBEDDED_PG_PORT))
				.setServerConfig("max_connections", "300")
				.start();
			String serverUrl = "jdbc:postgresql://localhost:" + this.postgres.getPort() + "/postgres";
			createDatabase(serverUrl, "cotalk");
			return "jdbc:postgresql://localhost:" + this.postgres.getPort() + "/cotalk";
		}
		catch (IOException ex) {
			throw new UncheckedIOException("embedded PostgreSQL: " + ex.getMessage(), ex);
		}
	}

	private String startRedis(Path dir) {
		createDirectories(dir);
		int port = freeOr(EMBEDDED_REDIS_PORT);
		this.redis = RedisServer.builder()
			.bind("127.0.0.1")
			.port(port)
			.setting("appendonly yes")
			.setting("dir " + dir)
			.build();
		try {
			this.redis.start();
		}
		catch (RuntimeException ex) {
			throw new IllegalStateException("embedded Redis: " + ex.getMessage(), ex);
		}
		return "redis://127.0.0.1:" + port;
	}

	private static void createDatabase(String serverUrl, String name) {
		try (Connection connection = DriverManager.getConnection(serverUrl, "postgres", "postgres");
				Statement statement = connection.createStatement()) {
			statement.execute("CREATE DATABASE " + name);
		}
		catch (SQLException ex) {
			if (!"42P04".equals(ex.getSQLState())) {
				throw new IllegalStateException("could not create database " + name + ": " + ex.getMessage(), ex);
			}
		}
	}

	/**
	 * One secret per data directory for the services' internal calls; never leaves this
	 * machine.
	 */
	private static String internalToken(Path dataDir) {
		Path file = dataDir.resolve("internal-token");
		try {
			if (Files.exists(file)) {
				return Files.readString(file).trim();
			}
			byte[] bytes = new byte[24];
			new SecureRandom().nextBytes(bytes);
			String token = HexFormat.of().formatHex(bytes);
			Files.writeString(file, token);
			return token;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private void stop() {
		if (this.stack == null && this.postgres == null && this.redis == null) {
			return;
		}
		say("Stopping Co-Talk ...");
		if (this.stack != null) {
			this.stack.close();
		}
		if (this.redis != null) {
			this.redis.stop();
		}
		try {
			if (this.postgres != null) {
				this.postgres.close();
			}
		}
		catch (IOException ex) {
			System.err.println("While stopping: " + ex.getMessage());
		}
		say("Stopped.");
	}

	private static void requireFree(Service[] services, List<Integer> moreChatPorts) {
		for (Service service : services) {
			requireFree(service.defaultPort(), service.module());
		}
		for (int port : moreChatPorts) {
			requireFree(port, Service.CHAT.module());
		}
	}

	private static void requireFree(int port, String module) {
		if (!isFree(port)) {
			throw new IllegalStateException(
					"port " + port + " (" + module + ") is in use: is Co-Talk already running?");
		}
	}

	private static int freeOr(int preferred) {
		if (isFree(preferred)) {
			return preferred;
		}
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static boolean isFree(int port) {
		try (ServerSocket socket = new ServerSocket(port)) {
			socket.setReuseAddress(true);
			return true;
		}
		catch (IOException ex) {
			return false;
		}
	}

	private static void createDirectories(Path dir) {
		try {
			Files.createDirectories(dir);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static void deleteRecursively(Path dir) {
		if (!Files.exists(dir)) {
			return;
		}
		try (Stream<Path> paths = Files.walk(dir)) {
			paths.sorted(Comparator.reverseOrder()).forEach((path) -> path.toFile().delete());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static String envOr(String name, String fallback) {
		String value = Stack.env(name);
		return (value != null) ? value : fallback;
	}

	private static void say(String line) {
		System.out.println("[cotalk] " + line);
	}

}
