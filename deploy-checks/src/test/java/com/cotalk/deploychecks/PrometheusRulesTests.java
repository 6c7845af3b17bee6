package com.cotalk.deploychecks;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The alert rules, the Prometheus configuration and the dashboard's queries through
 * Prometheus's own promtool, where it is installed (Debian: {@code apt-get install
 * prometheus}); skipped otherwise.
 */
class PrometheusRulesTests {

	@Test
	void alertRulesAreValidAndPassTheirUnitTests() throws Exception {
		assertPromtool(Repository.compose().resolve("prometheus"), "check", "rules",
				Repository.chart().resolve("files/alerts.yml").toString());
		assertPromtool(Repository.compose().resolve("prometheus"), "test", "rules", "alerts-tests.yml");
	}

	@Test
	void prometheusConfigIsValid(@TempDir Path scratch) throws Exception {
		// the rule file at the path the compose stack mounts it
		String config = Repository.read(Repository.compose().resolve("prometheus/prometheus.yml"))
			.replace("/etc/prometheus/alerts.yml", Repository.chart().resolve("files/alerts.yml").toString());
		Path file = scratch.resolve("prometheus.yml");
		Files.writeString(file, config);
		assertPromtool(scratch, "check", "config", file.toString());
	}

	@Test
	void dashboardQueriesParse(@TempDir Path scratch) throws Exception {
		JsonNode dashboard = JsonMapper.builder()
			.build()
			.readTree(Repository.read(Repository.chart().resolve("dashboards/cotalk.json")));
		StringBuilder rules = new StringBuilder("groups:\n  - name: dashboard\n    rules:\n");
		int n = 0;
		for (JsonNode panel : dashboard.get("panels")) {
			if (panel.has("targets")) {
				for (JsonNode target : panel.get("targets")) {
					String expr = target.get("expr").asString().replace("$__rate_interval", "1m").replace("$job", ".*");
					rules.append("      - record: dashboard:query").append(n++).append('\n');
					rules.append("        expr: ")
						.append(JsonMapper.builder().build().writeValueAsString(expr))
						.append('\n');
				}
			}
		}
		Path file = scratch.resolve("dashboard-queries.yml");
		Files.writeString(file, rules);
		assertPromtool(scratch, "check", "rules", file.toString());
	}

	private static void assertPromtool(Path directory, String... arguments) throws Exception {
		List<String> command = new ArrayList<>(List.of("promtool"));
		command.addAll(List.of(arguments));
		Path output = Files.createTempFile("promtool", ".log");
		Process process;
		try {
			process = new ProcessBuilder(command).directory(directory.toFile())
				.redirectErrorStream(true)
				.redirectOutput(output.toFile())
				.start();
		}
		catch (IOException ex) {
			Assumptions.abort("promtool is not installed (Debian: apt-get install prometheus)");
			return;
		}
		assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
		assertThat(process.exitValue()).as("%s: %s", command, Files.readString(output, StandardCharsets.UTF_8))
			.isZero();
	}

}
