package com.cotalk.gateway.routing;

import java.net.URI;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.cloud.client.DefaultServiceInstance;
import org.springframework.cloud.client.ServiceInstance;
import org.springframework.cloud.client.discovery.ReactiveDiscoveryClient;

import reactor.core.publisher.Flux;

/**
 * The instances of each downstream service as configured:
 * {@code cotalk.gateway.services.<name>} holds one base URL or several, comma-separated
 * (several chat-service instances on one machine, say). Routes with
 * {@code lb://<name>-service} balance over them round-robin; the load balancer's health
 * checks leave out an instance whose readiness fails. On Kubernetes each value is the
 * service's one cluster address and kube-proxy spreads.
 */
final class ConfiguredInstances implements ReactiveDiscoveryClient {

	private final Map<String, List<ServiceInstance>> instances;

	ConfiguredInstances(Map<String, String> services) {
		this.instances = services.entrySet()
			.stream()
			.collect(Collectors.toUnmodifiableMap((entry) -> entry.getKey() + "-service",
					(entry) -> instancesOf(entry.getKey() + "-service", entry.getValue())));
	}

	private static List<ServiceInstance> instancesOf(String serviceId, String urls) {
		List<String> bases = Arrays.stream(urls.split(",")).map(String::strip).filter((url) -> !url.isEmpty()).toList();
		return IntStream.range(0, bases.size()).<ServiceInstance>mapToObj((i) -> {
			URI uri = URI.create(bases.get(i));
			boolean secure = "https".equals(uri.getScheme()) || "wss".equals(uri.getScheme());
			int port = (uri.getPort() != -1) ? uri.getPort() : (secure ? 443 : 80);
			return new DefaultServiceInstance(serviceId + "-" + i, serviceId, uri.getHost(), port, secure);
		}).toList();
	}

	@Override
	public String description() {
		return "cotalk.gateway.services";
	}

	@Override
	public Flux<ServiceInstance> getInstances(String serviceId) {
		return Flux.fromIterable(this.instances.getOrDefault(serviceId, List.of()));
	}

	@Override
	public Flux<String> getServices() {
		return Flux.fromIterable(this.instances.keySet());
	}

	@ConfigurationProperties("cotalk.gateway")
	record Properties(Map<String, String> services) {
	}

}
