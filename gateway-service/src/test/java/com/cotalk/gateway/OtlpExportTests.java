package com.cotalk.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import io.opentelemetry.exporter.otlp.http.trace.OtlpHttpSpanExporter;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;

/**
 * Spans leave a service only when an OTLP collector is configured
 * ({@code COTALK_OTLP_ENABLED}, {@code COTALK_OTLP_ENDPOINT}); then they arrive there as
 * OTLP over HTTP. The other gateway tests run with the defaults: no exporter.
 */
@TestPropertySource(properties = { "management.tracing.export.otlp.enabled=true",
		"management.tracing.sampling.probability=1.0", "management.opentelemetry.tracing.export.schedule-delay=100ms" })
class OtlpExportTests extends GatewayTestBase {

	private static final BlockingQueue<String> received = new LinkedBlockingQueue<>();

	private static final DisposableServer collector = HttpServer.create()
		.host("127.0.0.1")
		.port(0)
		.route((routes) -> routes.post("/v1/traces", (request, response) -> request.receive()
			.aggregate()
			.asByteArray()
			.doOnNext(
					(body) -> received.add(request.requestHeaders().get("Content-Type") + " " + body.length + " bytes"))
			.then(response.send())))
		.bindNow();

	@Autowired
	ApplicationContext context;

	@DynamicPropertySource
	static void collector(DynamicPropertyRegistry registry) {
		registry.add("management.opentelemetry.tracing.export.otlp.endpoint",
				() -> "http://127.0.0.1:" + collector.port() + "/v1/traces");
	}

	@AfterAll
	static void stopCollector() {
		collector.disposeNow();
	}

	@Test
	void exportsTheSpansOfARequestToTheConfiguredCollector() throws InterruptedException {
		assertThat(this.context.getBeansOfType(OtlpHttpSpanExporter.class)).hasSize(1);
		assertThat(api().get("/api/users/me", TestKeys.token(UUID.randomUUID())).status()).isEqualTo(200);

		String batch = received.poll(10, TimeUnit.SECONDS);
		assertThat(batch).as("an OTLP export").isNotNull().startsWith("application/x-protobuf");
	}

}
