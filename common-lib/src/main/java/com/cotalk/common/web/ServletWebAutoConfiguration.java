package com.cotalk.common.web;

import org.slf4j.MDC;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.restclient.RestClientCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.boot.webmvc.autoconfigure.error.ErrorMvcAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

import com.cotalk.common.Headers;

import tools.jackson.databind.json.JsonMapper;

/**
 * problem+json for every error, correlation ids in and out, and a request body limit, for
 * servlet services.
 */
@AutoConfiguration(before = ErrorMvcAutoConfiguration.class)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
public class ServletWebAutoConfiguration {

	@Bean
	ProblemExceptionHandler problemExceptionHandler() {
		return new ProblemExceptionHandler();
	}

	@Bean
	ProblemErrorController problemErrorController() {
		return new ProblemErrorController();
	}

	@Bean
	FilterRegistrationBean<CorrelationIdFilter> correlationIdFilter() {
		FilterRegistrationBean<CorrelationIdFilter> registration = new FilterRegistrationBean<>(
				new CorrelationIdFilter());
		registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
		return registration;
	}

	@Bean
	FilterRegistrationBean<BodySizeLimitFilter> bodySizeLimitFilter(
			@Value("${cotalk.web.max-body-bytes:65536}") long maxBodyBytes, JsonMapper jsonMapper) {
		FilterRegistrationBean<BodySizeLimitFilter> registration = new FilterRegistrationBean<>(
				new BodySizeLimitFilter(maxBodyBytes, jsonMapper));
		registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 1);
		return registration;
	}

	/**
	 * Internal calls carry the correlation id of the request they serve and the internal
	 * service token.
	 */
	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(RestClientCustomizer.class)
	static class RestClientPropagation {

		@Bean
		RestClientCustomizer cotalkRestClientCustomizer(@Value("${cotalk.security.internal-token:}") String token) {
			return (builder) -> builder.requestInterceptor((request, body, execution) -> {
				String correlationId = MDC.get(Headers.MDC_CORRELATION_ID);
				if (correlationId != null) {
					request.getHeaders().set(Headers.CORRELATION_ID, correlationId);
				}
				if (!token.isEmpty()) {
					request.getHeaders().set(Headers.INTERNAL_TOKEN, token);
				}
				return execution.execute(request, body);
			});
		}

	}

}
