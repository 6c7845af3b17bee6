package com.cotalk.gateway.routing;

import org.springframework.cloud.loadbalancer.core.ServiceInstanceListSupplier;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * The load-balancer configuration of each service, applied in its own child context (so
 * not a component, and not nested in one): the configured instances whose readiness probe
 * answers.
 */
class HealthCheckedInstances {

	@Bean
	ServiceInstanceListSupplier serviceInstanceListSupplier(ConfigurableApplicationContext context) {
		return ServiceInstanceListSupplier.builder()
			.withDiscoveryClient()
			.withHealthChecks(WebClient.create())
			.build(context);
	}

}
