package com.cotalk.deploychecks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import com.marcnuri.helm.Helm;
import com.marcnuri.helm.LintResult;
import com.marcnuri.helm.TemplateCommand;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.KubernetesList;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import org.yaml.snakeyaml.Yaml;

/**
 * The Helm chart, linted and rendered by Helm's own library (helm-java), the manifests
 * read back as typed Kubernetes objects (fabric8 kubernetes-model).
 */
final class Chart {

	static final String RELEASE = "cotalk";

	static final String NAMESPACE = "cotalk";

	private static final KubernetesSerialization SERIALIZATION = new KubernetesSerialization();

	private Chart() {
	}

	static Path productionValues() {
		return Repository.chart().resolve("values-production.yaml");
	}

	/** {@code helm template} with the chart's values, then the given files and sets. */
	static Manifests render(List<Path> valuesFiles, Map<String, String> sets) {
		TemplateCommand template = new Helm(Repository.chart()).template().withName(RELEASE).withNamespace(NAMESPACE);
		valuesFiles.forEach(template::withValuesFile);
		sets.forEach(template::set);
		return new Manifests(parse(template.call()));
	}

	static Manifests render() {
		return render(List.of(), Map.of());
	}

	static Manifests renderProduction() {
		return render(List.of(productionValues()), Map.of());
	}

	/** {@code helm lint --strict} with the chart's own values. */
	static LintResult lint() {
		return new Helm(Repository.chart()).lint().strict().call();
	}

	/**
	 * {@code helm lint --strict -f values}: helm-java's lint takes no values files, so a
	 * copy of the chart gets the values merged into its values.yaml, as Helm itself
	 * merges them.
	 */
	static LintResult lint(Path values, Path scratch) {
		Path copy = scratch.resolve("cotalk");
		copyTree(Repository.chart(), copy);
		Yaml yaml = new Yaml();
		Map<String, Object> merged = yaml.load(Repository.read(Repository.chart().resolve("values.yaml")));
		merge(merged, yaml.load(Repository.read(values)));
		try {
			Files.writeString(copy.resolve("values.yaml"), yaml.dump(merged));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return new Helm(copy).lint().strict().call();
	}

	static List<HasMetadata> parse(String manifests) {
		List<HasMetadata> objects = new ArrayList<>();
		for (String document : manifests.split("(?m)^---\\s*$")) {
			if (document.lines().allMatch((line) -> line.isBlank() || line.startsWith("#"))) {
				continue;
			}
			Object parsed = SERIALIZATION.unmarshal(document);
			if (parsed instanceof KubernetesList list) {
				objects.addAll(list.getItems());
			}
			else {
				objects.add((HasMetadata) parsed);
			}
		}
		return objects;
	}

	@SuppressWarnings("unchecked")
	private static void merge(Map<String, Object> into, Map<String, Object> from) {
		from.forEach((key, value) -> {
			if (value instanceof Map<?, ?> map && into.get(key) instanceof Map<?, ?> existing) {
				Map<String, Object> copy = new LinkedHashMap<>((Map<String, Object>) existing);
				merge(copy, (Map<String, Object>) map);
				into.put(key, copy);
			}
			else {
				into.put(key, value);
			}
		});
	}

	private static void copyTree(Path from, Path to) {
		try (Stream<Path> files = Files.walk(from)) {
			for (Path file : files.toList()) {
				Path target = to.resolve(from.relativize(file).toString());
				if (Files.isDirectory(file)) {
					Files.createDirectories(target);
				}
				else {
					Files.copy(file, target);
				}
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
