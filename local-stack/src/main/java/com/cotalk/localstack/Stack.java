package com.cotalk.localstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.stream.Stream;

import org.jspecify.annotations.Nullable;

/**
 * Every Co-Talk service as its own process, wired to one PostgreSQL and one Redis. The
 * end-to-end tests drive it through the gateway; {@link LocalStack} adds embedded
 * PostgreSQL and Redis for the one-command run.
 */
public final class Stack implements AutoCloseable {

	/**
	 * @param root the project root (holding each module's {@code target/*.jar})
	 * @param logDir where each service writes its log
	 * @param ports the port of each service
	 * @param extraEnvironment more environment for every service (e.g. a signing key)
	 */
	public record Options(Path root, Path logDir, String dbUrl, String dbUser, String dbPassword, String redisUrl,
			String internalToken, Map<Service, Integer> ports, Map<String, String> extraEnvironment,
			Consumer<String> progress) {
	}

	private static final Duration START_TIMEOUT = Duration.ofSeconds(180);

	private final Options options;

	private final Map<Service, Process> processes = new EnumMap<>(Service.class);

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();

	private Stack(Options options) {
		this.options = options;
	}

	/**
	 * Starts every service and returns once all report ready; stops what it started if
	 * one does not come up.
	 */
	public static Stack start(Options options) {
		Stack stack = new Stack(options);
		try {
			Files.createDirectories(options.logDir());
			for (Service service : Service.values()) {
				stack.launch(service);
			}
			stack.awaitReady(List.of(Service.values()));
			return stack;
		}
		catch (IOException | RuntimeException ex) {
			stack.close();
			throw (ex instanceof RuntimeException runtime) ? runtime : new UncheckedIOException((IOException) ex);
		}
	}

	public int port(Service service) {
		return this.options.ports().get(service);
	}

	public String gatewayUrl() {
		return "http://localhost:" + port(Service.GATEWAY);
	}

	/** Kills a service abruptly (SIGKILL), as a crash would. */
	public void kill(Service service) {
		Process process = this.processes.remove(service);
		if (process != null) {
			process.destroyForcibly();
			waitFor(process, Duration.ofSeconds(10));
		}
	}

	/** Starts a service that was stopped or killed and waits until it is ready. */
	public void restart(Service service) {
		kill(service);
		try {
			launch(service);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		awaitReady(List.of(service));
	}

	private void launch(Service service) throws IOException {
		Path jar = jarOf(service);
		// production-like JIT and GC (G1), so that what the benchmarks measure on this
		// stack holds in production
		List<String> command = new ArrayList<>(List.of(javaExecutable(), "-Xms64m", "-Xmx384m", "-Xss512k",
				"--enable-native-access=ALL-UNNAMED", "-jar", jar.toString()));
		ProcessBuilder builder = new ProcessBuilder(command);
		builder.environment().putAll(environment(service));
		Path log = this.options.logDir().resolve(service.module() + ".log");
		builder.redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
		this.processes.put(service, builder.start());
		this.options.progress().accept("  starting " + service.module() + " on port " + port(service));
	}

	private Map<String, String> environment(Service service) {
		Map<String, String> env = new HashMap<>();
		env.put("PORT", Integer.toString(port(service)));
		env.put("COTALK_DB_URL", this.options.dbUrl());
		env.put("COTALK_DB_USER", this.options.dbUser());
		env.put("COTALK_DB_PASSWORD", this.options.dbPassword());
		env.put("COTALK_REDIS_URL", this.options.redisUrl());
		env.put("COTALK_INTERNAL_TOKEN", this.options.internalToken());
		env.put("COTALK_JWKS_URI", url(Service.AUTH) + "/api/auth/jwks");
		for (Service other : Service.values()) {
			env.put(other.name() + "_SERVICE_URL", url(other));
		}
		env.put("CHAT_SERVICE_WS_URL", "ws://localhost:" + port(Service.CHAT));
		env.put("COTALK_LOG_FORMAT", "ecs");
		env.putAll(this.options.extraEnvironment());
		return env;
	}

	private String url(Service service) {
		return "http://localhost:" + port(service);
	}

	private void awaitReady(List<Service> services) {
		Instant deadline = Instant.now().plus(START_TIMEOUT);
		Instant started = Instant.now();
		List<Service> waiting = new ArrayList<>(services);
		while (!waiting.isEmpty()) {
			for (Service service : List.copyOf(waiting)) {
				Process process = this.processes.get(service);
				if (process == null || !process.isAlive()) {
					throw new IllegalStateException(service.module() + " exited while starting; see "
							+ this.options.logDir().resolve(service.module() + ".log"));
				}
				if (isReady(service)) {
					waiting.remove(service);
					this.options.progress()
						.accept("  " + service.module() + " ready after "
								+ Duration.between(started, Instant.now()).toMillis() / 100 / 10.0 + " s");
				}
			}
			if (Instant.now().isAfter(deadline)) {
				throw new IllegalStateException("Not ready within " + START_TIMEOUT.toSeconds() + " s: " + waiting);
			}
			sleep(Duration.ofMillis(250));
		}
	}

	private boolean isReady(Service service) {
		try {
			HttpRequest request = HttpRequest.newBuilder(URI.create(url(service) + "/actuator/health/readiness"))
				.timeout(Duration.ofSeconds(2))
				.build();
			return this.http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
		}
		catch (IOException ex) {
			return false;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	private Path jarOf(Service service) {
		Path target = this.options.root().resolve(service.module()).resolve("target");
		try (Stream<Path> files = Files.exists(target) ? Files.list(target) : Stream.empty()) {
			return files
				.filter((file) -> file.getFileName().toString().matches(service.module() + "-[^-]+(-SNAPSHOT)?\\.jar"))
				.findFirst()
				.orElseThrow(() -> new IllegalStateException("No jar for " + service.module() + " in " + target
						+ ": build it first (./mvnw -DskipTests package)"));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * Stops every service gracefully (SIGTERM), then forcibly whatever is still running
	 * after 20 s.
	 */
	@Override
	public void close() {
		List<Process> running = new ArrayList<>(this.processes.values());
		this.processes.clear();
		running.forEach(Process::destroy);
		Instant deadline = Instant.now().plus(Duration.ofSeconds(20));
		for (Process process : running) {
			Duration left = Duration.between(Instant.now(), deadline);
			if (!waitFor(process, left.isNegative() ? Duration.ZERO : left)) {
				process.destroyForcibly();
				waitFor(process, Duration.ofSeconds(5));
			}
		}
	}

	private static boolean waitFor(Process process, Duration timeout) {
		try {
			return process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return false;
		}
	}

	private static String javaExecutable() {
		return Path.of(System.getProperty("java.home"), "bin", "java").toString();
	}

	static void sleep(Duration duration) {
		try {
			Thread.sleep(duration);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	static @Nullable String env(String name) {
		String value = System.getenv(name);
		return (value == null || value.isBlank()) ? null : value;
	}

}
