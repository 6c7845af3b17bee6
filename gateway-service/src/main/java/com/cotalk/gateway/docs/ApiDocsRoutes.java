package com.cotalk.gateway.docs;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerResponse;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * {@code GET /api/openapi.yaml}, {@code /api/openapi.json} and the Swagger UI at
 * {@code /api/docs}. The document is read once at start-up; a document that does not
 * parse stops the gateway from starting rather than serving something broken.
 */
@Configuration(proxyBeanMethods = false)
class ApiDocsRoutes {

	static final String DOCUMENT = "docs/openapi.yaml";

	private static final String SWAGGER_UI_POM = "META-INF/maven/org.webjars/swagger-ui/pom.properties";

	private static final MediaType YAML = MediaType.parseMediaType("application/yaml");

	private static final CacheControl CACHE = CacheControl.noCache();

	@Bean
	RouterFunction<ServerResponse> apiDocs(JsonMapper json) {
		byte[] yaml = read(DOCUMENT);
		JsonNode document = YAMLMapper.builder().build().readTree(yaml);
		byte[] jsonBytes = json.writeValueAsBytes(document);
		byte[] page = read("docs/swagger-ui.html");
		return RouterFunctions.route()
			.GET("/api/openapi.yaml",
					(request) -> ServerResponse.ok().contentType(YAML).cacheControl(CACHE).bodyValue(yaml))
			.GET("/api/openapi.json",
					(request) -> ServerResponse.ok()
						.contentType(MediaType.APPLICATION_JSON)
						.cacheControl(CACHE)
						.bodyValue(jsonBytes))
			.GET("/api/docs",
					(request) -> ServerResponse.ok()
						.contentType(MediaType.TEXT_HTML)
						.cacheControl(CACHE)
						.bodyValue(page))
			.add(RouterFunctions.resources("/api/docs/**", new ClassPathResource(swaggerUiLocation())))
			.build();
	}

	private static String swaggerUiLocation() {
		Properties pom = new Properties();
		try (InputStream in = new ClassPathResource(SWAGGER_UI_POM).getInputStream()) {
			pom.load(in);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Swagger UI is missing from the classpath", ex);
		}
		return "META-INF/resources/webjars/swagger-ui/" + pom.getProperty("version") + "/";
	}

	private static byte[] read(String path) {
		try (InputStream in = new ClassPathResource(path).getInputStream()) {
			return in.readAllBytes();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Missing " + path, ex);
		}
	}

}
