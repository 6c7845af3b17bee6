package com.cotalk.chat;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.cotalk.testsupport.ApiClient;

/**
 * A request's trace and correlation id go on with the internal calls it makes, so that
 * the called service's spans and log lines join the caller's.
 */
class InternalCallTracingTests extends ChatApiTestSupport {

	@Test
	void internalCallsCarryTheCallersTraceAndCorrelationId() {
		TestUser alice = user("Alice");
		TestUser bob = user("Bob");
		String traceId = "5c1d3e2f4a6b8c0d1e2f3a4b5c6d7e8f";
		String correlationId = "corr-" + UUID.randomUUID();
		ApiClient.Response created = this.api.send("POST", "/api/rooms", alice.token(),
				Map.of("type", "DIRECT", "memberIds", List.of(bob.id().toString())),
				Map.of("traceparent", "00-" + traceId + "-1a2b3c4d5e6f7a8b-01", "X-Correlation-Id", correlationId));
		assertThat(created.status()).as(created.toString()).isIn(200, 201);

		List<FakeServices.Call> calls = fakes.callsOf(correlationId);
		assertThat(calls).as("internal calls of the request").isNotEmpty();
		for (FakeServices.Call call : calls) {
			assertThat(call.traceparent()).as(call.path())
				.startsWith("00-" + traceId + "-")
				.doesNotContain("1a2b3c4d5e6f7a8b");
		}
	}

}
