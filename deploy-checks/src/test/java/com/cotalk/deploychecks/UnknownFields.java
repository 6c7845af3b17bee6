package com.cotalk.deploychecks;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;

/**
 * Fields the typed Kubernetes model did not recognise. fabric8 keeps them in
 * {@code additionalProperties} instead of failing, so a misspelt or mis-indented field in
 * a template would otherwise go unnoticed (and be ignored or refused by the API server).
 */
final class UnknownFields {

	private UnknownFields() {
	}

	static List<String> in(List<HasMetadata> objects) {
		List<String> unknown = new ArrayList<>();
		for (HasMetadata object : objects) {
			if (!(object instanceof GenericKubernetesResource)) {
				walk(object, object.getKind() + "/" + object.getMetadata().getName(), unknown, 0);
			}
		}
		return unknown;
	}

	private static void walk(Object value, String path, List<String> unknown, int depth) {
		if (value == null || depth > 30) {
			return;
		}
		if (value instanceof Collection<?> collection) {
			int i = 0;
			for (Object element : collection) {
				walk(element, path + "[" + i++ + "]", unknown, depth + 1);
			}
			return;
		}
		if (value instanceof Map<?, ?> map) {
			map.forEach((key, element) -> walk(element, path + "." + key, unknown, depth + 1));
			return;
		}
		if (!value.getClass().getName().startsWith("io.fabric8.kubernetes.api.model")) {
			return;
		}
		for (Method getter : value.getClass().getMethods()) {
			if (getter.getParameterCount() != 0 || Modifier.isStatic(getter.getModifiers())
					|| !getter.getName().startsWith("get") || getter.getName().equals("getClass")) {
				continue;
			}
			Object field = invoke(getter, value);
			if (getter.getName().equals("getAdditionalProperties")) {
				if (field instanceof Map<?, ?> extra && !extra.isEmpty()) {
					unknown.add(path + ": " + extra.keySet());
				}
			}
			else {
				walk(field, path + "." + getter.getName().substring(3), unknown, depth + 1);
			}
		}
	}

	private static Object invoke(Method getter, Object target) {
		try {
			return getter.invoke(target);
		}
		catch (ReflectiveOperationException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
