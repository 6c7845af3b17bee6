package com.cotalk.gateway.routing;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.cloud.loadbalancer.annotation.LoadBalancerClients;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * {@code lb://} routes: the configured instances of each service, round-robin, without
 * those whose readiness probe fails ({@code spring.cloud.loadbalancer.health-check}).
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ConfiguredInstances.Properties.class)
@LoadBalancerClients(defaultConfiguration = HealthCheckedInstances.class)
class RoutingConfig {

	@Bean
	ConfiguredInstances configuredInstances(ConfiguredInstances.Properties properties) {
		return new ConfiguredInstances(properties.services());
	}

}
