package com.cotalk.gateway.error;

import java.time.Duration;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.webflux.error.ErrorWebExceptionHandler;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ProblemDetail;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.stereotype.Component;
import org.springframework.web.server.MethodNotAllowedException;
import org.springframework.web.server.ServerWebExchange;

import com.cotalk.common.Headers;
import com.cotalk.common.error.ApiException;

import reactor.core.publisher.Mono;

/**
 * Replaces Boot's default reactive error handler (order -1), whose JSON is not
 * problem+json and may carry exception text. Being an {@link ErrorWebExceptionHandler}
 * bean also stops Boot from creating its own.
 */
@Component
@Order(-2)
final class ProblemErrorWebExceptionHandler implements ErrorWebExceptionHandler {

	private static final Logger log = LoggerFactory.getLogger(ProblemErrorWebExceptionHandler.class);

	private final ProblemResponses problems;

	ProblemErrorWebExceptionHandler(ProblemResponses problems) {
		this.problems = problems;
	}

	@Override
	public Mono<Void> handle(ServerWebExchange exchange, Throwable ex) {
		ServerHttpResponse response = exchange.getResponse();
		if (response.isCommitted()) {
			return Mono.error(ex);
		}
		ProblemDetail problem = ErrorProblems.from(ex);
		if (ErrorProblems.isServerSide(problem)) {
			String correlationId = exchange.getAttribute(Headers.MDC_CORRELATION_ID);
			log.atWarn()
				.addKeyValue(Headers.MDC_CORRELATION_ID, correlationId)
				.log("{} {} answered {}: {}", exchange.getRequest().getMethod(), exchange.getRequest().getPath(),
						problem.getStatus(), ex.toString());
		}
		// Headers a downstream may have set before failing (length, encoding) must not
		// describe our body; the
		// correlation id and security headers are written on commit, after this.
		response.getHeaders().clear();
		ApiException api = ErrorProblems.find(ex, ApiException.class);
		Duration retryAfter = (api != null) ? api.retryAfter() : null;
		if (retryAfter != null) {
			long seconds = Math.max(1, (retryAfter.toMillis() + 999) / 1000);
			response.getHeaders().set(HttpHeaders.RETRY_AFTER, Long.toString(seconds));
		}
		if (ex instanceof MethodNotAllowedException notAllowed) {
			response.getHeaders().setAllow(notAllowed.getSupportedMethods());
		}
		return this.problems.write(exchange, problem);
	}

}
