package com.cotalk.deploychecks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Where things are in the checkout, and which meters the services' main code registers,
 * so that dashboards and alerts can be checked against the code instead of a list kept by
 * hand.
 */
final class Repository {

	static final List<String> SERVICES = List.of("gateway-service", "auth-service", "user-service", "friend-service",
			"chat-service", "message-service", "notification-service");

	private static final Pattern METER_NAME = Pattern.compile("\"(cotalk(?:\\.[a-z0-9_]+)+)\"");

	private static final Pattern BASE_UNIT = Pattern.compile("\\.baseUnit\\(\"([a-z_]+)\"\\)");

	private Repository() {
	}

	/** The checkout's root: tests run in deploy-checks/. */
	static Path root() {
		Path here = Path.of("").toAbsolutePath();
		return Files.isRegularFile(here.resolve("deploy-checks/pom.xml")) ? here : here.getParent();
	}

	static Path chart() {
		return root().resolve("deploy/helm/cotalk");
	}

	static Path compose() {
		return root().resolve("deploy/compose");
	}

	/**
	 * The Prometheus names of the meters the main Java code of every module registers
	 * under a {@code cotalk.} name, found as a reviewer would: the quoted name and the
	 * builder call before it ({@code Timer.builder("cotalk.x")},
	 * {@code .counter("cotalk.x", ...)}). A name whose meter type cannot be told (a
	 * constant used elsewhere) may carry any suffix.
	 */
	static Set<String> registeredPrometheusNames() {
		Set<String> names = new TreeSet<>();
		for (Path file : mainJavaFiles()) {
			String code = read(file);
			Matcher matcher = METER_NAME.matcher(code);
			while (matcher.find()) {
				String before = code.substring(Math.max(0, matcher.start() - 60), matcher.start())
					.replaceAll("\\s", "");
				String after = code.substring(matcher.end(), Math.min(code.length(), matcher.end() + 600));
				int register = after.indexOf(".register(");
				Matcher unit = BASE_UNIT.matcher((register < 0) ? after : after.substring(0, register));
				String baseUnit = unit.find() ? "_" + unit.group(1) : "";
				names.addAll(prometheusNames(matcher.group(1).replace('.', '_'), before, baseUnit));
			}
		}
		return names;
	}

	private static List<String> prometheusNames(String base, String before, String baseUnit) {
		if (before.endsWith("Timer.builder(") || before.endsWith(".timer(")) {
			return suffixed(base + "_seconds", "", "_count", "_sum", "_max", "_bucket");
		}
		if (before.endsWith("Counter.builder(") || before.endsWith(".counter(")) {
			return List.of(base + "_total");
		}
		if (before.endsWith("Gauge.builder(") || before.endsWith(".gauge(")) {
			return List.of(base + baseUnit);
		}
		if (before.endsWith("DistributionSummary.builder(") || before.endsWith(".summary(")) {
			return suffixed(base + baseUnit, "", "_count", "_sum", "_max", "_bucket");
		}
		return suffixed(base, "", "_total", "_seconds", "_seconds_count", "_seconds_sum", "_seconds_max",
				"_seconds_bucket", "_count", "_sum", "_max", "_bucket");
	}

	private static List<String> suffixed(String base, String... suffixes) {
		return Stream.of(suffixes).map((suffix) -> base + suffix).toList();
	}

	private static List<Path> mainJavaFiles() {
		try (Stream<Path> modules = Files.list(root())) {
			List<Path> files = new ArrayList<>();
			for (Path module : modules.filter((m) -> Files.isDirectory(m.resolve("src/main/java"))).toList()) {
				try (Stream<Path> walk = Files.walk(module.resolve("src/main/java"))) {
					walk.filter((f) -> f.toString().endsWith(".java")).forEach(files::add);
				}
			}
			return files;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * Every {@code cotalk_...} identifier in a text (a PromQL expression, a JSON file).
	 */
	static Set<String> cotalkMetricsIn(String text) {
		Set<String> names = new TreeSet<>();
		Matcher matcher = Pattern.compile("\\bcotalk_[a-z0-9_]+").matcher(text);
		while (matcher.find()) {
			names.add(matcher.group());
		}
		return names;
	}

	static String read(Path file) {
		try {
			return Files.readString(file);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
