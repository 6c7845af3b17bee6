package com.cotalk.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.cloud.gateway.route.Route;
import org.springframework.cloud.gateway.route.RouteLocator;
import org.springframework.http.HttpMethod;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;

import com.cotalk.testsupport.ApiClient;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The public API document the gateway serves ({@code docs/openapi.yaml}): reachable
 * without a token, a valid OpenAPI 3.1 document, and exactly the routes the gateway
 * serves: every documented operation reaches a route, every route has a documented
 * operation, and nothing under {@code /internal}.
 */
class ApiDocumentTests extends GatewayTestBase {

	private static final String SAMPLE_ID = "01938a7e-6b1c-7c3e-9f2a-3d4e5f607182";

	@Autowired
	RouteLocator routes;

	private ApiClient.Response json;

	private OpenAPI document;

	@BeforeEach
	void fetchDocument() {
		this.json = api().get("/api/openapi.json", null);
		ParseOptions options = new ParseOptions();
		options.setResolve(true);
		options.setResolveFully(true);
		SwaggerParseResult parsed = new OpenAPIV3Parser().readContents(this.json.body(), null, options);
		assertThat(parsed.getMessages()).as("problems in docs/openapi.yaml").isEmpty();
		this.document = parsed.getOpenAPI();
	}

	@Test
	void servesTheDocumentWithoutAToken() {
		assertThat(this.json.status()).isEqualTo(200);
		assertThat(this.json.contentType()).startsWith("application/json");
		assertThat(this.document.getOpenapi()).startsWith("3.1.");
		ApiClient.Response yaml = api().get("/api/openapi.yaml", null);
		assertThat(yaml.status()).isEqualTo(200);
		assertThat(yaml.body()).startsWith("openapi: 3.1");
	}

	@Test
	void servesASwaggerUiPageThatReadsTheDocument() {
		ApiClient.Response page = api().get("/api/docs", null);
		assertThat(page.status()).isEqualTo(200);
		assertThat(page.contentType()).startsWith("text/html");
		assertThat(page.body()).contains("/api/openapi.json").contains("/api/docs/swagger-ui-bundle.js");
		ApiClient.Response bundle = api().get("/api/docs/swagger-ui-bundle.js", null);
		assertThat(bundle.status()).isEqualTo(200);
		assertThat(bundle.contentType()).contains("javascript");
		assertThat(bundle.body()).contains("SwaggerUIBundle");
		assertThat(api().get("/api/docs/no-such-file.js", null).status()).isEqualTo(404);
	}

	@Test
	void documentsNothingUnderInternal() {
		assertThat(this.document.getPaths().keySet()).isNotEmpty()
			.noneMatch((path) -> path.toLowerCase().contains("/internal"));
	}

	@Test
	void everyDocumentedOperationIsRoutedByTheGateway() {
		List<Route> all = this.routes.getRoutes().collectList().block();
		List<String> unrouted = new ArrayList<>();
		operations().forEach((operation) -> {
			if (matchingRoutes(all, operation).isEmpty()) {
				unrouted.add(operation.toString());
			}
		});
		assertThat(unrouted).as("documented but not routed").isEmpty();
	}

	@Test
	void everyRouteOfTheGatewayIsDocumented() {
		List<Route> all = this.routes.getRoutes().collectList().block();
		List<String> routed = new ArrayList<>();
		for (Operation operation : operations()) {
			matchingRoutes(all, operation).forEach((route) -> routed.add(route.getId()));
		}
		List<String> undocumented = all.stream()
			.map(Route::getId)
			// STOMP over WebSocket is documented in docs/asyncapi.yaml
			.filter((id) -> !id.endsWith("-websocket"))
			.filter((id) -> !routed.contains(id))
			.toList();
		assertThat(undocumented).as("routes without a documented operation").isEmpty();
	}

	@Test
	void everyOperationAnswersItsErrorsAsProblems() {
		List<String> missing = new ArrayList<>();
		this.document.getPaths().forEach((path, item) -> item.readOperationsMap().forEach((method, operation) -> {
			operation.getResponses().forEach((status, response) -> {
				if (status.startsWith("4") || status.startsWith("5")) {
					if (response.getContent() == null
							|| !response.getContent().containsKey("application/problem+json")) {
						missing.add(method + " " + path + " " + status);
					}
				}
			});
			boolean authenticated = operation.getSecurity() == null || !operation.getSecurity().isEmpty();
			if (authenticated && !operation.getResponses().containsKey("401")) {
				missing.add(method + " " + path + " 401");
			}
			if (!operation.getResponses().containsKey("429")) {
				missing.add(method + " " + path + " 429");
			}
		}));
		assertThat(missing).as("error responses not documented as problem+json").isEmpty();
	}

	private List<Operation> operations() {
		List<Operation> operations = new ArrayList<>();
		for (Map.Entry<String, PathItem> entry : this.document.getPaths().entrySet()) {
			for (PathItem.HttpMethod method : entry.getValue().readOperationsMap().keySet()) {
				operations.add(new Operation(HttpMethod.valueOf(method.name()), entry.getKey()));
			}
		}
		return operations;
	}

	private static List<Route> matchingRoutes(List<Route> routes, Operation operation) {
		String path = operation.path().replaceAll("\\{[^}]+}", SAMPLE_ID);
		return Flux.fromIterable(routes).filterWhen((route) -> {
			MockServerWebExchange exchange = MockServerWebExchange
				.from(MockServerHttpRequest.method(operation.method(), path));
			return Mono.from(route.getPredicate().apply(exchange));
		}).collectList().block();
	}

	private record Operation(HttpMethod method, String path) {

		@Override
		public String toString() {
			return this.method + " " + this.path;
		}

	}

}
