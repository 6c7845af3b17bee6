package com.cotalk.deploychecks;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.yaml.snakeyaml.Yaml;

/** The gateway's route table, read from its application.yml. */
final class GatewayRoutes {

	private GatewayRoutes() {
	}

	/** Every path pattern of every {@code Path=} predicate. */
	@SuppressWarnings("unchecked")
	static List<String> pathPredicates() {
		Map<String, Object> config = new Yaml()
			.load(Repository.read(Repository.root().resolve("gateway-service/src/main/resources/application.yml")));
		Object routes = path(config, "spring", "cloud", "gateway", "server", "webflux", "routes");
		List<String> paths = new ArrayList<>();
		for (Map<String, Object> route : (List<Map<String, Object>>) routes) {
			for (Object predicate : (List<Object>) route.get("predicates")) {
				String text = predicate.toString();
				if (text.startsWith("Path=")) {
					paths.addAll(List.of(text.substring("Path=".length()).split(",")));
				}
			}
		}
		return paths;
	}

	@SuppressWarnings("unchecked")
	private static Object path(Map<String, Object> map, String... keys) {
		Object current = map;
		for (String key : keys) {
			current = ((Map<String, Object>) current).get(key);
			if (current == null) {
				throw new AssertionError("gateway application.yml has no " + String.join(".", keys));
			}
		}
		return current;
	}

}
