package com.cotalk.deploychecks;

import java.util.List;
import java.util.Optional;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.apps.Deployment;

/** Rendered manifests, looked up by type and name. */
record Manifests(List<HasMetadata> objects) {

	<T extends HasMetadata> List<T> all(Class<T> type) {
		return this.objects.stream().filter(type::isInstance).map(type::cast).toList();
	}

	List<HasMetadata> ofKind(String kind) {
		return this.objects.stream().filter((o) -> kind.equals(o.getKind())).toList();
	}

	<T extends HasMetadata> Optional<T> find(Class<T> type, String name) {
		return all(type).stream().filter((o) -> name.equals(o.getMetadata().getName())).findFirst();
	}

	<T extends HasMetadata> T get(Class<T> type, String name) {
		return find(type, name).orElseThrow(() -> new AssertionError("no " + type.getSimpleName() + " named " + name
				+ " in " + this.objects.stream().map((o) -> o.getKind() + "/" + o.getMetadata().getName()).toList()));
	}

	Deployment deployment(String service) {
		return get(Deployment.class, Chart.RELEASE + "-" + service);
	}

}
