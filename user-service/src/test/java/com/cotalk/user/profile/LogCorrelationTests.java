package com.cotalk.user.profile;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.test.context.TestPropertySource;

import com.cotalk.testsupport.ApiClient;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What an operator greps for: every log line of a request, as JSON, carries the trace of
 * the caller (W3C {@code traceparent}) and the gateway's correlation id.
 */
@ExtendWith(OutputCaptureExtension.class)
@TestPropertySource(properties = { "logging.config=classpath:logback-structured.xml",
		"logging.level.org.springframework.web.servlet.DispatcherServlet=debug" })
class LogCorrelationTests extends ApiTestSupport {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	@Test
	void logsEveryLineOfARequestWithItsTraceAndCorrelationIds(CapturedOutput output) {
		TestUser user = createUser("로그");
		String traceId = "0af7651916cd43dd8448eb211c80319c";
		ApiClient.Response response = this.api.send("GET", "/api/users/me", user.token(), null,
				Map.of("traceparent", "00-" + traceId + "-b7ad6b7169203331-01", "X-Correlation-Id", "corr-log-1"));
		assertThat(response.status()).isEqualTo(200);

		List<JsonNode> lines = output.getOut()
			.lines()
			.filter((line) -> line.startsWith("{") && line.contains("corr-log-1"))
			.map(JSON::readTree)
			.toList();
		assertThat(lines).as("the request's lines").hasSizeGreaterThanOrEqualTo(2);
		for (JsonNode line : lines) {
			assertThat(line.path("traceId").asString()).isEqualTo(traceId);
			assertThat(line.path("spanId").asString()).matches("[0-9a-f]{16}").isNotEqualTo("b7ad6b7169203331");
			assertThat(line.path("userId").asString()).isEqualTo(user.id().toString());
			assertThat(line.path("service").path("name").asString()).isEqualTo("user-service");
		}
	}

}
