package com.cotalk.deploychecks;

import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The environment a service cannot run without outside a laptop, read from its
 * application.yml: every placeholder whose default points at localhost (databases, Redis,
 * the other services), and the internal token where the service reads it.
 */
final class ServiceEnvironment {

	private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([A-Z0-9_]+):([^}]*)}?");

	/** Only used when trace export is switched on. */
	private static final Set<String> OPTIONAL = Set.of("COTALK_OTLP_ENDPOINT");

	private ServiceEnvironment() {
	}

	static Set<String> required(String service) {
		String config = Repository.read(Repository.root().resolve(service + "/src/main/resources/application.yml"));
		Set<String> required = new TreeSet<>();
		Matcher matcher = PLACEHOLDER.matcher(config);
		while (matcher.find()) {
			String name = matcher.group(1);
			if (matcher.group(2).contains("localhost") && !OPTIONAL.contains(name)) {
				required.add(name);
			}
			if (name.equals("COTALK_INTERNAL_TOKEN")) {
				required.add(name);
			}
		}
		return required;
	}

}
