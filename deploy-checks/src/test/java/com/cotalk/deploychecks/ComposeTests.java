package com.cotalk.deploychecks;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * deploy/compose: checked by a real compose parser ({@code docker-compose config}, which
 * needs no Docker daemon) and read back as YAML for what the stack must contain.
 */
class ComposeTests {

	private static final Path COMPOSE_FILE = Repository.compose().resolve("docker-compose.yml");

	private static final Pattern DEFAULT_PORT = Pattern.compile("port: \\$\\{PORT:(\\d+)}");

	private final Map<String, Map<String, Object>> services = ComposeFile.services(COMPOSE_FILE);

	/** What {@code .env.example} asks for, filled in. */
	private static final Map<String, String> SECRETS = Map.of("COTALK_DB_PASSWORD", "db-secret-0123456789",
			"COTALK_REPLICATION_PASSWORD", "replication-secret-0123", "COTALK_INTERNAL_TOKEN",
			"internal-token-0123456789abcdef", "GRAFANA_ADMIN_PASSWORD", "grafana-secret-0123");

	@Test
	void composeAcceptsTheFile() throws Exception {
		Compose result = config(SECRETS);
		assertThat(result.exit()).as("%s", result.printed()).isZero();
		assertThat(result.printed()).as("compose's warnings").doesNotContainIgnoringCase("will be ignored");
	}

	@Test
	void refusesToStartWithoutTheSecrets() throws Exception {
		Compose result = config(Map.of());
		assertThat(result.exit()).as("no secret has a default").isNotZero();
		assertThat(result.printed()).contains(".env.example");
		assertThat(Repository.read(Repository.compose().resolve(".env.example"))).contains(SECRETS.keySet());
	}

	@Test
	void publishesPrometheusAndGrafanaOnLoopbackOnly() {
		for (String service : List.of("prometheus", "grafana")) {
			assertThat(ComposeFile.<List<String>>cast(this.services.get(service).get("ports")))
				.as("%s's published ports", service)
				.allMatch((port) -> port.startsWith("127.0.0.1:"));
		}
	}

	private record Compose(int exit, String printed) {
	}

	private static Compose config(Map<String, String> env) throws Exception {
		List<String> command = new ArrayList<>(composeCommand());
		command.addAll(List.of("-f", COMPOSE_FILE.toString(), "config", "-q"));
		Path output = Files.createTempFile("compose", ".log");
		ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile());
		SECRETS.keySet().forEach(builder.environment()::remove);
		builder.environment().putAll(env);
		Process process = builder.start();
		assertThat(process.waitFor(120, TimeUnit.SECONDS)).as("%s finished", command).isTrue();
		return new Compose(process.exitValue(), Files.readString(output, StandardCharsets.UTF_8));
	}

	@Test
	void runsEveryServiceOnItsPortWithTwoChatServiceInstances() {
		for (String service : Repository.SERVICES) {
			List<String> instances = service.equals("chat-service") ? List.of("chat-service-1", "chat-service-2")
					: List.of(service);
			for (String instance : instances) {
				Map<String, Object> definition = this.services.get(instance);
				assertThat(definition).as("compose service %s", instance).isNotNull();
				assertThat(definition.get("image").toString()).startsWith("cotalk/" + service + ":");
				assertThat(ComposeFile.environment(definition)).containsEntry("PORT", defaultPort(service))
					.containsKeys("COTALK_DB_URL", "COTALK_REDIS_URL", "COTALK_JWKS_URI", "COTALK_INTERNAL_TOKEN");
				assertThat(definition).containsKey("healthcheck");
				assertThat(ComposeFile.environment(definition)).as("%s's environment", instance)
					.containsKeys(ServiceEnvironment.required(service).toArray(String[]::new));
			}
		}
		assertThat(ComposeFile.environment(this.services.get("gateway-service")).get("CHAT_SERVICE_URLS").split(","))
			.containsExactlyInAnyOrder("http://chat-service-1:8084", "http://chat-service-2:8084");
	}

	@Test
	void runsAPostgresPrimaryWithAStreamingReadReplica() {
		Map<String, Object> primary = this.services.get("postgres-primary");
		Map<String, Object> replica = this.services.get("postgres-replica");
		assertThat(primary.get("image")).isEqualTo("postgres:15");
		assertThat(replica.get("image")).isEqualTo("postgres:15");
		assertThat(primary.get("command").toString()).contains("wal_level=replica", "max_wal_senders");
		String init = Repository.read(Repository.compose().resolve("postgres/primary-init.sh"));
		assertThat(init).contains("WITH REPLICATION LOGIN", "host replication");
		String entrypoint = Repository.read(Repository.compose().resolve("postgres/replica-entrypoint.sh"));
		assertThat(entrypoint).contains("pg_basebackup", "--write-recovery-conf", "hot_standby=on");
		assertThat(ComposeFile.volumeSources(replica)).contains("./postgres/replica-entrypoint.sh");
		assertThat(ComposeFile.volumeSources(primary)).contains("./postgres/primary-init.sh");
		assertThat(ComposeFile.environment(this.services.get("message-service"))).containsEntry("COTALK_DB_REPLICA_URL",
				"jdbc:postgresql://postgres-replica:5432/cotalk");
	}

	@Test
	void runsRedis7WithAppendOnlyPersistence() {
		Map<String, Object> redis = this.services.get("redis");
		assertThat(redis.get("image").toString()).startsWith("redis:7");
		assertThat(ComposeFile.<List<String>>cast(redis.get("command"))).containsSubsequence("--appendonly", "yes");
		assertThat(ComposeFile.volumeSources(redis)).isNotEmpty();
	}

	@Test
	void startsEveryServiceOnlyAfterWhatItNeedsIsHealthy() {
		this.services.forEach((name, definition) -> {
			assertThat(definition).as("%s has a healthcheck", name).containsKey("healthcheck");
			Object dependsOn = definition.get("depends_on");
			if (dependsOn == null) {
				return;
			}
			assertThat(dependsOn).as("%s depends_on with conditions", name).isInstanceOf(Map.class);
			((Map<?, ?>) dependsOn).forEach((dependency, condition) -> {
				assertThat(this.services).as("%s depends on %s", name, dependency).containsKey((String) dependency);
				assertThat(condition.toString()).as("%s -> %s", name, dependency).contains("service_healthy");
			});
		});
	}

	@Test
	void prometheusScrapesEveryServiceInstance() {
		Map<String, Object> prometheus = new Yaml()
			.load(Repository.read(Repository.compose().resolve("prometheus/prometheus.yml")));
		List<String> targets = new ArrayList<>();
		for (Map<String, Object> job : ComposeFile.<List<Map<String, Object>>>cast(prometheus.get("scrape_configs"))) {
			if (job.get("job_name").toString().endsWith("-service")) {
				assertThat(job.get("metrics_path")).isEqualTo("/actuator/prometheus");
			}
			for (Map<String, Object> group : ComposeFile.<List<Map<String, Object>>>cast(job.get("static_configs"))) {
				targets.addAll(ComposeFile.cast(group.get("targets")));
			}
		}
		this.services.forEach((name, definition) -> {
			if (definition.get("image").toString().startsWith("cotalk/")) {
				assertThat(targets).contains(name + ":" + ComposeFile.environment(definition).get("PORT"));
			}
		});
		assertThat(ComposeFile.<List<String>>cast(prometheus.get("rule_files"))).contains("/etc/prometheus/alerts.yml");
		assertThat(ComposeFile.volumeMount(this.services.get("prometheus"), "/etc/prometheus/alerts.yml"))
			.isEqualTo(Repository.chart().resolve("files/alerts.yml").normalize());
	}

	@Test
	void grafanaProvisionsTheChartsDashboard() {
		Map<String, Object> grafana = this.services.get("grafana");
		Map<String, Object> provider = new Yaml()
			.load(Repository.read(Repository.compose().resolve("grafana/provisioning/dashboards/cotalk.yml")));
		Map<String, Object> first = ComposeFile.<List<Map<String, Object>>>cast(provider.get("providers")).getFirst();
		String path = ComposeFile.<Map<String, Object>>cast(first.get("options")).get("path").toString();
		assertThat(ComposeFile.volumeMount(grafana, path)).isEqualTo(Repository.chart().resolve("dashboards"));
		Map<String, Object> datasources = new Yaml()
			.load(Repository.read(Repository.compose().resolve("grafana/provisioning/datasources/prometheus.yml")));
		assertThat(datasources.toString()).contains("http://prometheus:9090");
	}

	@Test
	void theDashboardUsesOnlyMetricsTheServicesRegister() {
		JsonNode dashboard = JsonMapper.builder()
			.build()
			.readTree(Repository.read(Repository.chart().resolve("dashboards/cotalk.json")));
		List<String> expressions = new ArrayList<>();
		for (JsonNode panel : dashboard.get("panels")) {
			if (!"row".equals(panel.get("type").asString())) {
				assertThat(panel.get("targets")).as("targets of %s", panel.get("title")).isNotEmpty();
				panel.get("targets").forEach((target) -> expressions.add(target.get("expr").asString()));
			}
		}
		Set<String> used = Repository.cotalkMetricsIn(String.join("\n", expressions));
		assertThat(used).as("Co-Talk metrics on the dashboard").isNotEmpty();
		assertThat(Repository.registeredPrometheusNames()).as("meters the services register").containsAll(used);
		assertThat(used).as("the message path's own metrics")
			.contains("cotalk_stomp_sessions", "cotalk_messages_accept_seconds_bucket",
					"cotalk_delivery_fanout_seconds_bucket", "cotalk_messages_stream_lag",
					"cotalk_messages_stream_pending", "cotalk_messages_batch_size_messages_bucket",
					"cotalk_push_outcomes_total", "cotalk_messages_accepted_total", "cotalk_messages_delivered_total",
					"cotalk_messages_end_to_end_seconds_bucket", "cotalk_notifications_stream_lag");
	}

	@Test
	void theAlertsUseOnlyMetricsTheServicesRegister() {
		Map<String, Object> rules = new Yaml().load(Repository.read(Repository.chart().resolve("files/alerts.yml")));
		List<String> expressions = new ArrayList<>();
		for (Map<String, Object> group : ComposeFile.<List<Map<String, Object>>>cast(rules.get("groups"))) {
			for (Map<String, Object> rule : ComposeFile.<List<Map<String, Object>>>cast(group.get("rules"))) {
				assertThat(rule).containsKeys("alert", "expr", "labels", "annotations");
				expressions.add(rule.get("expr").toString());
			}
		}
		Set<String> used = Repository.cotalkMetricsIn(String.join("\n", expressions));
		assertThat(used).isNotEmpty();
		assertThat(Repository.registeredPrometheusNames()).containsAll(used);
	}

	private static String defaultPort(String service) {
		String config = Repository.read(Repository.root().resolve(service + "/src/main/resources/application.yml"));
		Matcher matcher = DEFAULT_PORT.matcher(config);
		assertThat(matcher.find()).as("%s's default port", service).isTrue();
		return matcher.group(1);
	}

	/**
	 * {@code docker-compose} (Debian's package) or {@code docker compose}. Missing: the
	 * test is skipped on a developer's machine, and fails in CI, where .ci/run installs
	 * it.
	 */
	private static List<String> composeCommand() throws InterruptedException {
		for (List<String> candidate : List.of(List.of("docker-compose"), List.of("docker", "compose"))) {
			List<String> version = new ArrayList<>(candidate);
			version.add("version");
			try {
				Process process = new ProcessBuilder(version).redirectErrorStream(true)
					.redirectOutput(ProcessBuilder.Redirect.DISCARD)
					.start();
				if (process.waitFor(60, TimeUnit.SECONDS) && process.exitValue() == 0) {
					return candidate;
				}
			}
			catch (IOException ex) {
				// not installed: try the next one
			}
		}
		if ("true".equalsIgnoreCase(System.getenv("CI"))) {
			fail("CI=true but neither docker-compose nor docker compose is installed (.ci/run installs docker-compose)");
		}
		Assumptions.abort("no docker-compose here: apt-get install docker-compose to check deploy/compose");
		throw new IllegalStateException();
	}

}
