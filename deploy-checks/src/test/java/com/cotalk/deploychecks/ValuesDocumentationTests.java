package com.cotalk.deploychecks;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * values.yaml documents every key: each value has a {@code # --} comment right above it,
 * or belongs to a map documented as a whole (resources, config, annotations...).
 */
class ValuesDocumentationTests {

	private static final Pattern KEY = Pattern.compile("^(\\s*)([A-Za-z0-9_.\\-/]+):(.*)$");

	@Test
	void everyValueIsDocumented() {
		List<String> lines = Repository.read(Repository.chart().resolve("values.yaml")).lines().toList();
		Deque<int[]> ancestors = new ArrayDeque<>();
		List<String> undocumented = new ArrayList<>();
		for (int i = 0; i < lines.size(); i++) {
			Matcher key = KEY.matcher(lines.get(i));
			if (!key.matches()) {
				continue;
			}
			int indent = key.group(1).length();
			while (!ancestors.isEmpty() && ancestors.peek()[0] >= indent) {
				ancestors.pop();
			}
			boolean documented = documented(lines, i);
			boolean ancestorDocumented = ancestors.stream().anyMatch((ancestor) -> ancestor[1] == 1);
			if (!key.group(3).isBlank() && !documented && !ancestorDocumented) {
				undocumented.add((i + 1) + ": " + lines.get(i).strip());
			}
			ancestors.push(new int[] { indent, documented ? 1 : 0 });
		}
		assertThat(undocumented).as("values.yaml keys without a '# --' comment").isEmpty();
	}

	@Test
	void theProductionExampleOnlySetsKeysTheChartHas() {
		Yaml yaml = new Yaml();
		Map<String, Object> defaults = yaml.load(Repository.read(Repository.chart().resolve("values.yaml")));
		Map<String, Object> production = yaml.load(Repository.read(Chart.productionValues()));
		assertThat(unknownKeys("", defaults, production)).isEmpty();
	}

	private static boolean documented(List<String> lines, int index) {
		for (int j = index - 1; j >= 0 && lines.get(j).strip().startsWith("#"); j--) {
			if (lines.get(j).strip().startsWith("# --")) {
				return true;
			}
		}
		return false;
	}

	/**
	 * Keys of {@code values} that {@code defaults} lacks, except inside free-form maps.
	 */
	private static List<String> unknownKeys(String prefix, Map<String, Object> defaults, Map<String, Object> values) {
		List<String> unknown = new ArrayList<>();
		values.forEach((key, value) -> {
			if (!defaults.containsKey(key)) {
				unknown.add(prefix + key);
			}
			else if (value instanceof Map<?, ?> map && defaults.get(key) instanceof Map<?, ?> known && !known.isEmpty()
					&& !List.of("config", "annotations", "resources", "labels").contains(key)) {
				unknown.addAll(unknownKeys(prefix + key + ".", ComposeFile.cast(known), ComposeFile.cast(map)));
			}
		});
		return unknown;
	}

}
