package com.cotalk.deploychecks;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.yaml.snakeyaml.Yaml;

/** A compose file read as YAML (anchors and merge keys resolved by the parser). */
final class ComposeFile {

	private ComposeFile() {
	}

	static Map<String, Map<String, Object>> services(Path file) {
		Map<String, Object> compose = new Yaml().load(Repository.read(file));
		return cast(compose.get("services"));
	}

	/** The environment as a map, whichever of the two forms compose allows is used. */
	static Map<String, String> environment(Map<String, Object> service) {
		Object environment = service.get("environment");
		Map<String, String> result = new LinkedHashMap<>();
		if (environment instanceof Map<?, ?> map) {
			map.forEach((key, value) -> result.put(key.toString(), (value != null) ? value.toString() : ""));
		}
		else if (environment instanceof List<?> list) {
			for (Object entry : list) {
				String[] parts = entry.toString().split("=", 2);
				result.put(parts[0], (parts.length > 1) ? parts[1] : "");
			}
		}
		return result;
	}

	/** The host side of every short-syntax volume ({@code source:target[:mode]}). */
	static List<String> volumeSources(Map<String, Object> service) {
		List<String> volumes = cast(service.getOrDefault("volumes", List.of()));
		return volumes.stream().map((volume) -> volume.split(":")[0]).toList();
	}

	/**
	 * The host path bind-mounted at a container path, resolved against the compose file's
	 * folder.
	 */
	static Path volumeMount(Map<String, Object> service, String target) {
		List<String> volumes = cast(service.getOrDefault("volumes", List.of()));
		for (String volume : volumes) {
			String[] parts = volume.split(":");
			if (parts.length >= 2 && parts[1].equals(target)) {
				return Repository.compose().resolve(parts[0]).normalize();
			}
		}
		throw new AssertionError("nothing is mounted at " + target + " in " + volumes);
	}

	@SuppressWarnings("unchecked")
	static <T> T cast(Object value) {
		return (T) value;
	}

}
