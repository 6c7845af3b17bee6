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
	 * @param ports the port of each service (of the first instance of chat-service)
	 * @param moreChatPorts the ports of further chat-service instances, which the gateway
	 * spreads connections over
	 * @param extraEnvironment more environment for every service (e.g. a signing key)
	 */
	public record Options(Path root, Path logDir, String dbUrl, String dbUser, String dbPassword, String redisUrl,
			String internalToken, Map<Service, Integer> ports, List<Integer> moreChatPorts,
			Map<String, String> extraEnvironment, Consumer<String> progress) {
	}

	/** One process of a service; services other than chat-service have one instance. */
	public record Instance(Service service, int index, int port) {

		String name() {
			return (this.index == 0) ? this.service.module() : this.service.module() + "-" + (this.index + 1);
		}

		String url() {
			return "http://localhost:" + this.port;
		}

	}

	private static final Duration START_TIMEOUT = Duration.ofSeconds(180);

	private final Options options;

	private final List<Instance> instances = new ArrayList<>();

	private final Map<Instance, Process> processes = new HashMap<>();

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();

	private Stack(Options options) {
		this.options = options;
		for (Service service : Service.values()) {
			this.instances.add(new Instance(service, 0, options.ports().get(service)));
			if (service == Service.CHAT) {
				for (int i = 0; i < options.moreChatPorts().size(); i++) {
					this.instances.add(new Instance(service, i + 1, options.moreChatPorts().get(i)));
				}
			}
		}
	}

	/**
	 * Starts every service and returns once all report ready; stops what it started if
	 * one does not come up.
	 */
	public static Stack start(Options options) {
		Stack stack = new Stack(options);
		try {
			Files.createDirectories(options.logDir());
			for (Instance instance : stack.instances) {
				stack.launch(instance);
			}
			stack.awaitReady(stack.instances);
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
		return url(Service.GATEWAY);
	}

	/** The instances of a service, the first one first. */
	public List<Instance> instances(Service service) {
		return this.instances.stream().filter((instance) -> instance.service() == service).toList();
	}

	/** Kills every instance of a service abruptly (SIGKILL), as a crash would. */
	public void kill(Service service) {
		instances(service).forEach(this::kill);
	}

	/** Kills one instance abruptly (SIGKILL), as a crash would. */
	public void kill(Instance instance) {
		Process process = this.processes.remove(instance);
		if (process != null) {
			process.destroyForcibly();
			waitFor(process, Duration.ofSeconds(10));
		}
	}

	/**
	 * Starts every instance of a service again (killing what still runs) and waits until
	 * they are ready.
	 */
	public void restart(Service service) {
		restart(instances(service));
	}

	/** Starts one instance again (killing it if it still runs) and waits until ready. */
	public void restart(Instance instance) {
		restart(List.of(instance));
	}

	/**
	 * Stops one instance gracefully (SIGTERM, as Kubernetes does in a rolling update),
	 * waits until it has exited, and returns how long that took (or throws when it did
	 * not exit within {@code grace}).
	 */
	public Duration stop(Instance instance, Duration grace) {
		Process process = this.processes.remove(instance);
		if (process == null) {
			return Duration.ZERO;
		}
		Instant started = Instant.now();
		process.destroy();
		if (!waitFor(process, grace)) {
			process.destroyForcibly();
			throw new IllegalStateException(instance.name() + " did not exit within " + grace + " of SIGTERM");
		}
		return Duration.between(started, Instant.now());
	}

	private void restart(List<Instance> restarted) {
		restarted.forEach(this::kill);
		try {
			for (Instance instance : restarted) {
				launch(instance);
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		awaitReady(restarted);
	}

	private void launch(Instance instance) throws IOException {
		Service service = instance.service();
		Path jar = jarOf(service);
		// production-like JIT and GC (G1), so that what the benchmarks measure on this
		// stack holds in production
		// chat-service holds every connection (about 120 MB live for 1,000; with 384 MB a
		// burst of handshakes ended in full collections)
		String heap = (service == Service.CHAT) ? "-Xmx768m" : "-Xmx384m";
		List<String> command = new ArrayList<>(List.of(javaExecutable(), "-Xms64m", heap, "-Xss512k",
				"--enable-native-access=ALL-UNNAMED", "-jar", jar.toString()));
		ProcessBuilder builder = new ProcessBuilder(command);
		builder.environment().putAll(environment(instance));
		Path log = this.options.logDir().resolve(instance.name() + ".log");
		builder.redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
		this.processes.put(instance, builder.start());
		this.options.progress().accept("  starting " + instance.name() + " on port " + instance.port());
	}

	private Map<String, String> environment(Instance instance) {
		Map<String, String> env = new HashMap<>();
		env.put("PORT", Integer.toString(instance.port()));
		env.put("COTALK_DB_URL", this.options.dbUrl());
		env.put("COTALK_DB_USER", this.options.dbUser());
		env.put("COTALK_DB_PASSWORD", this.options.dbPassword());
		env.put("COTALK_REDIS_URL", this.options.redisUrl());
		env.put("COTALK_INTERNAL_TOKEN", this.options.internalToken());
		env.put("COTALK_JWKS_URI", url(Service.AUTH) + "/api/auth/jwks");
		for (Service other : Service.values()) {
			env.put(other.name() + "_SERVICE_URL", url(other));
		}
		// the gateway balances over every chat-service instance, other callers use the
		// first
		env.put("CHAT_SERVICE_URLS", String.join(",", instances(Service.CHAT).stream().map(Instance::url).toList()));
		env.put("COTALK_LOG_FORMAT", "ecs");
		if (instance.service() == Service.NOTIFICATION) {
			// the development profile: Web Push endpoints on this machine may be plain
			// http, so that push can be tried end to end
			env.put("SPRING_PROFILES_ACTIVE", "local");
		}
		env.putAll(this.options.extraEnvironment());
		return env;
	}

	/** The first instance's. */
	private String url(Service service) {
		return instances(service).get(0).url();
	}

	private void awaitReady(List<Instance> instances) {
		Instant deadline = Instant.now().plus(START_TIMEOUT);
		Instant started = Instant.now();
		List<Instance> waiting = new ArrayList<>(instances);
		while (!waiting.isEmpty()) {
			for (Instance instance : List.copyOf(waiting)) {
				Process process = this.processes.get(instance);
				if (process == null || !process.isAlive()) {
					throw new IllegalStateException(instance.name() + " exited while starting; see "
							+ this.options.logDir().resolve(instance.name() + ".log"));
				}
				if (isReady(instance)) {
					waiting.remove(instance);
					this.options.progress()
						.accept("  " + instance.name() + " ready after "
								+ Duration.between(started, Instant.now()).toMillis() / 100 / 10.0 + " s");
				}
			}
			if (Instant.now().isAfter(deadline)) {
				throw new IllegalStateException("Not ready within " + START_TIMEOUT.toSeconds() + " s: "
						+ waiting.stream().map(Instance::name).toList());
			}
			sleep(Duration.ofMillis(250));
		}
	}

	private boolean isReady(Instance instance) {
		try {
			HttpRequest request = HttpRequest.newBuilder(URI.create(instance.url() + "/actuator/health/readiness"))
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
