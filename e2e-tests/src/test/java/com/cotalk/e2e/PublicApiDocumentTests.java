package com.cotalk.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;

import com.cotalk.localstack.Service;
import com.cotalk.testsupport.ApiClient;

import tools.jackson.databind.JsonNode;

/**
 * The public OpenAPI document the gateway serves lists exactly the public operations the
 * services implement: each service's own document (springdoc, generated from its
 * controllers) without its {@code /internal} endpoints, put together, is the same set of
 * methods and paths. A new endpoint nobody documented, or a documented one that is gone,
 * fails here.
 */
class PublicApiDocumentTests {

	private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "patch");

	@Test
	void documentsEveryPublicOperationOfEveryServiceAndNothingElse() {
		ApiClient gateway = new ApiClient(E2eStack.gatewayUrl());
		ApiClient.Response published = gateway.get("/api/openapi.json", null);
		assertThat(published.status()).isEqualTo(200);
		Set<String> documented = operations(published.json());

		Set<String> implemented = new TreeSet<>();
		for (Service service : Service.values()) {
			if (service == Service.GATEWAY) {
				continue;
			}
			int port = E2eStack.get().port(service);
			ApiClient.Response own = new ApiClient("http://127.0.0.1:" + port).get("/v3/api-docs", null);
			assertThat(own.status()).as(service.module() + " /v3/api-docs").isEqualTo(200);
			operations(own.json()).stream()
				// the gateway routes nothing else; Spring's /error is in every service's
				// document
				.filter((operation) -> operation.contains(" /api/") && !operation.contains("/internal/"))
				.forEach(implemented::add);
		}
		assertThat(documented).as("documented in docs/openapi.yaml").containsExactlyElementsOf(implemented);
	}

	/** {@code GET /api/rooms/{}/messages}: path variables' names do not matter here. */
	private static Set<String> operations(JsonNode document) {
		Set<String> operations = new TreeSet<>();
		document.path("paths").properties().forEach((path) -> path.getValue().properties().forEach((method) -> {
			if (METHODS.contains(method.getKey())) {
				operations.add(method.getKey().toUpperCase() + " " + path.getKey().replaceAll("\\{[^}]+}", "{}"));
			}
		}));
		return operations;
	}

}
