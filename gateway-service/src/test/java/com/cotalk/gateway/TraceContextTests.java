package com.cotalk.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.UUID;

import io.opentelemetry.exporter.otlp.http.trace.OtlpHttpSpanExporter;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

import com.cotalk.testsupport.ApiClient;

class TraceContextTests extends GatewayTestBase {

	private static final String TRACEPARENT = "00-([0-9a-f]{32})-([0-9a-f]{16})-0[01]";

	@Autowired
	ApplicationContext context;

	@Test
	void exportsNoSpansUnlessACollectorIsConfigured() {
		assertThat(this.context.getBeansOfType(OtlpHttpSpanExporter.class)).isEmpty();
	}

	@Test
	void continuesTheCallersTraceDownstream() {
		String traceId = "4bf92f3577b34da6a3ce929d0e0e4736";
		ApiClient.Response response = api().send("GET", "/api/users/me", TestKeys.token(UUID.randomUUID()), null,
				Map.of("traceparent", "00-" + traceId + "-00f067aa0ba902b7-01"));

		String downstream = response.json().path("headers").path("traceparent").asString();
		assertThat(downstream).matches(TRACEPARENT).startsWith("00-" + traceId + "-");
		assertThat(downstream).as("the gateway's own span is the parent").doesNotContain("00f067aa0ba902b7");
	}

	@Test
	void startsATraceForARequestThatCameWithout() {
		ApiClient.Response first = api().get("/api/friends", TestKeys.token(UUID.randomUUID()));
		ApiClient.Response second = api().get("/api/friends", TestKeys.token(UUID.randomUUID()));

		String one = first.json().path("headers").path("traceparent").asString();
		String two = second.json().path("headers").path("traceparent").asString();
		assertThat(one).matches(TRACEPARENT);
		assertThat(two).matches(TRACEPARENT);
		assertThat(one.substring(3, 35)).isNotEqualTo(two.substring(3, 35));
	}

}
