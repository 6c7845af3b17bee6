package com.cotalk.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import org.jspecify.annotations.Nullable;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import redis.embedded.RedisServer;

/**
 * The real PostgreSQL and Redis that tests talk to. {@code COTALK_TEST_PG_URL} (a JDBC
 * URL of a server; with {@code COTALK_TEST_PG_USER} / {@code COTALK_TEST_PG_PASSWORD})
 * and {@code COTALK_TEST_REDIS_URL} name running servers, as CI does; without them an
 * embedded PostgreSQL and Redis are started once per JVM, so the tests also pass on a
 * machine with nothing installed.
 */
public final class TestInfrastructure {

	/**
	 * The database every test run uses; each service keeps its own schema in it, as in
	 * production.
	 */
	public static final String DATABASE = "cotalk_test";

	private static final java.time.Duration APPLICATIONS_CLOSE_TIMEOUT = java.time.Duration.ofSeconds(20);

	private static @Nullable Postgres postgres;

	private static @Nullable String redisUrl;

	private TestInfrastructure() {
	}

	public record Postgres(String serverUrl, String user, String password) {

		/**
		 * The test database on the same server, with the server URL's parameters kept.
		 */
		public String jdbcUrl() {
			java.util.regex.Matcher m = java.util.regex.Pattern.compile("^(jdbc:postgresql://[^/]+)/[^?]*(\\?.*)?$")
				.matcher(this.serverUrl);
			if (!m.matches()) {
				throw new IllegalStateException("Not a PostgreSQL JDBC URL: " + this.serverUrl);
			}
			return m.group(1) + "/" + DATABASE + ((m.group(2) != null) ? m.group(2) : "");
		}

	}

	public static synchronized Postgres postgres() {
		if (postgres == null) {
			String url = System.getenv("COTALK_TEST_PG_URL");
			if (url != null && !url.isBlank()) {
				postgres = new Postgres(url, env("COTALK_TEST_PG_USER", "postgres"),
						env("COTALK_TEST_PG_PASSWORD", "postgres"));
			}
			else {
				postgres = startEmbeddedPostgres();
			}
			createDatabase(postgres);
		}
		return postgres;
	}

	public static synchronized String redisUrl() {
		if (redisUrl == null) {
			String url = System.getenv("COTALK_TEST_REDIS_URL");
			redisUrl = (url != null && !url.isBlank()) ? url : startEmbeddedRedis();
		}
		return redisUrl;
	}

	private static Postgres startEmbeddedPostgres() {
		try {
			EmbeddedPostgres pg = EmbeddedPostgres.builder().start();
			stopAfterTheApplications(() -> {
				try {
					pg.close();
				}
				catch (IOException ex) {
					// the JVM is going away anyway
				}
			});
			return new Postgres("jdbc:postgresql://127.0.0.1:" + pg.getPort() + "/postgres", "postgres", "postgres");
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not start embedded PostgreSQL", ex);
		}
	}

	private static String startEmbeddedRedis() {
		int port = freePort();
		// Redis 7 (sharded pub/sub), nothing kept on disk: tests make their own keys
		RedisServer server = RedisServer.builder()
			.bind("127.0.0.1")
			.port(port)
			.setting("save \"\"")
			.setting("appendonly no")
			.build();
		try {
			server.start();
		}
		catch (RuntimeException ex) {
			throw new IllegalStateException("Could not start embedded Redis on port " + port, ex);
		}
		stopAfterTheApplications(server::stop);
		return "redis://127.0.0.1:" + port;
	}

	/**
	 * Stops an embedded server when the JVM exits, but only once the Spring contexts of
	 * the tests have closed (their shutdown hooks run at the same time as this one): a
	 * store taken away under a closing application makes it wait for its reconnects.
	 */
	private static void stopAfterTheApplications(Runnable stop) {
		Runtime.getRuntime().addShutdownHook(new Thread(() -> {
			awaitSpringShutdownHooks();
			stop.run();
		}, "cotalk-test-stores-shutdown"));
	}

	/**
	 * The JVM starts every shutdown hook at once, so Spring's may not have started when
	 * this one looks: look for a moment, then wait for each found to finish.
	 */
	private static void awaitSpringShutdownHooks() {
		long deadline = System.nanoTime() + APPLICATIONS_CLOSE_TIMEOUT.toNanos();
		long lookUntil = System.nanoTime() + java.time.Duration.ofMillis(300).toNanos();
		java.util.Set<Thread> joined = new java.util.HashSet<>();
		while (System.nanoTime() < lookUntil) {
			for (Thread thread : Thread.getAllStackTraces().keySet()) {
				if (thread != Thread.currentThread() && thread.getName().startsWith("Spring")
						&& thread.getName().endsWith("ShutdownHook") && joined.add(thread)) {
					try {
						thread.join(Math.max(1, (deadline - System.nanoTime()) / 1_000_000));
					}
					catch (InterruptedException ex) {
						Thread.currentThread().interrupt();
						return;
					}
				}
			}
			try {
				Thread.sleep(20);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return;
			}
		}
	}

	private static void createDatabase(Postgres pg) {
		try (Connection connection = DriverManager.getConnection(pg.serverUrl(), pg.user(), pg.password());
				Statement statement = connection.createStatement()) {
			try (ResultSet rs = statement
				.executeQuery("SELECT 1 FROM pg_database WHERE datname = '" + DATABASE + "'")) {
				if (rs.next()) {
					return;
				}
			}
			statement.execute("CREATE DATABASE " + DATABASE);
		}
		catch (SQLException ex) {
			if (!"42P04".equals(ex.getSQLState())) {
				throw new IllegalStateException("Could not prepare the test database", ex);
			}
		}
	}

	public static int freePort() {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static String env(String name, String fallback) {
		String value = System.getenv(name);
		return (value != null && !value.isBlank()) ? value : fallback;
	}

}
