package com.cotalk.deploychecks;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.networking.v1.HTTPIngressPath;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyIngressRule;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class HelmChartTests {

	private static final Manifests DEFAULTS = Chart.render();

	private static final Manifests PRODUCTION = Chart.renderProduction();

	static Stream<Arguments> valueSets() {
		return Stream.of(Arguments.of("values.yaml", DEFAULTS), Arguments.of("values-production.yaml", PRODUCTION));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("valueSets")
	void rendersADeploymentAndAServicePerService(String values, Manifests manifests) {
		for (String service : Repository.SERVICES) {
			Deployment deployment = manifests.deployment(service);
			Service kubeService = manifests.get(Service.class, Chart.RELEASE + "-" + service);
			assertThat(kubeService.getSpec().getSelector())
				.isEqualTo(deployment.getSpec().getSelector().getMatchLabels());
			assertThat(kubeService.getSpec().getPorts().getFirst().getPort())
				.isEqualTo(container(deployment).getPorts().getFirst().getContainerPort());
			assertThat(deployment.getSpec().getTemplate().getMetadata().getLabels())
				.containsAllEntriesOf(deployment.getSpec().getSelector().getMatchLabels());
		}
		assertThat(manifests.all(Deployment.class)).hasSize(Repository.SERVICES.size());
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("valueSets")
	void everyFieldIsOneKubernetesKnows(String values, Manifests manifests) {
		assertThat(UnknownFields.in(manifests.objects())).isEmpty();
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("valueSets")
	void everyDeploymentHasProbesOnTheActuatorHealthGroups(String values, Manifests manifests) {
		for (Deployment deployment : manifests.all(Deployment.class)) {
			Container container = container(deployment);
			assertProbe(deployment, container.getLivenessProbe(), "/actuator/health/liveness");
			assertProbe(deployment, container.getReadinessProbe(), "/actuator/health/readiness");
			assertProbe(deployment, container.getStartupProbe(), "/actuator/health/liveness");
		}
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("valueSets")
	void everyDeploymentHasResourceRequestsAndLimits(String values, Manifests manifests) {
		for (Deployment deployment : manifests.all(Deployment.class)) {
			var resources = container(deployment).getResources();
			assertThat(resources.getRequests()).as(name(deployment)).containsKeys("cpu", "memory");
			assertThat(resources.getLimits()).as(name(deployment)).containsKeys("cpu", "memory");
		}
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("valueSets")
	void everyDeploymentRunsNonRootOnAReadOnlyRootFilesystem(String values, Manifests manifests) {
		for (Deployment deployment : manifests.all(Deployment.class)) {
			PodSpec pod = deployment.getSpec().getTemplate().getSpec();
			var container = container(deployment).getSecurityContext();
			assertThat(pod.getSecurityContext().getRunAsNonRoot()).as(name(deployment)).isTrue();
			assertThat(pod.getSecurityContext().getRunAsUser()).as(name(deployment)).isPositive();
			assertThat(pod.getSecurityContext().getSeccompProfile().getType()).isEqualTo("RuntimeDefault");
			assertThat(container.getRunAsNonRoot()).as(name(deployment)).isTrue();
			assertThat(container.getReadOnlyRootFilesystem()).as(name(deployment)).isTrue();
			assertThat(container.getAllowPrivilegeEscalation()).as(name(deployment)).isFalse();
			assertThat(container.getCapabilities().getDrop()).as(name(deployment)).containsExactly("ALL");
			// a read-only root needs a writable /tmp (Tomcat's and Netty's scratch files)
			assertThat(container(deployment).getVolumeMounts())
				.anySatisfy((mount) -> assertThat(mount.getMountPath()).isEqualTo("/tmp"));
			assertThat(pod.getVolumes()).anySatisfy((volume) -> assertThat(volume.getEmptyDir()).isNotNull());
			assertThat(pod.getAutomountServiceAccountToken()).isFalse();
		}
	}

	@Test
	void refusesAShortInternalToken() {
		assertThatThrownBy(() -> Chart.render(List.of(), Map.of("secrets.internalToken", "too-short")))
			.hasMessageContaining("16 or more characters");
	}

	@Test
	void refusesValuesItsSchemaRejects() {
		assertThatThrownBy(() -> Chart.render(List.of(), Map.of("services.chat.replicaCount", "two")))
			.hasMessageContaining("replicaCount");
		assertThatThrownBy(() -> Chart.render(List.of(), Map.of("database.url", "postgres://db/cotalk")))
			.hasMessageContaining("/database/url");
		assertThatThrownBy(() -> Chart.render(List.of(), Map.of("services.chats.enabled", "true")))
			.hasMessageContaining("chats");
	}

	@Test
	void refusesRedisClusterWithoutNodes() {
		assertThatThrownBy(() -> Chart.render(List.of(), Map.of("redis.cluster.enabled", "true")))
			.hasMessageContaining("redis.cluster.nodes");
	}

	@Test
	void keepsGivenCredentialsInItsSecrets() {
		Manifests manifests = Chart.render(List.of(),
				Map.of("secrets.jwt.privateKey", "-----BEGIN PRIVATE KEY-----", "secrets.jwt.keyId", "2026-12",
						"secrets.internalToken", "0123456789abcdef0123", "push.webpush.publicKey", "BPub",
						"push.webpush.privateKey", "priv", "push.fcm.enabled", "true", "push.fcm.serviceAccountJson",
						"{}"));
		assertThat(manifests.get(Secret.class, Chart.RELEASE + "-secrets").getData()).containsKeys("jwt-private-key",
				"jwt-key-id", "internal-token");
		assertThat(manifests.get(Secret.class, Chart.RELEASE + "-push").getData()).containsKeys("vapid-public-key",
				"vapid-private-key", "fcm-service-account.json");
		assertThat(secretNames(manifests)).doesNotContain(Chart.RELEASE + "-internal-token");
		Deployment notification = manifests.deployment("notification-service");
		assertThat(container(notification).getEnv()).extracting(EnvVar::getName)
			.contains("COTALK_VAPID_PRIVATE_KEY", "COTALK_FCM_SERVICE_ACCOUNT_FILE");
		assertThat(notification.getSpec().getTemplate().getSpec().getVolumes())
			.filteredOn((volume) -> volume.getSecret() != null)
			.extracting((volume) -> volume.getSecret().getSecretName())
			.containsExactly(Chart.RELEASE + "-push");
	}

	@Test
	void chatServiceRunsTwoReplicasWithTheLongestGracePeriod() {
		Deployment chat = DEFAULTS.deployment("chat-service");
		assertThat(chat.getSpec().getReplicas()).isEqualTo(2);
		long chatGrace = chat.getSpec().getTemplate().getSpec().getTerminationGracePeriodSeconds();
		assertThat(chatGrace).isGreaterThanOrEqualTo(60);
		for (Deployment deployment : DEFAULTS.all(Deployment.class)) {
			assertThat(deployment.getSpec().getTemplate().getSpec().getTerminationGracePeriodSeconds())
				.isLessThanOrEqualTo(chatGrace);
		}
		// a rolling update starts the new pod first
		assertThat(chat.getSpec().getStrategy().getRollingUpdate().getMaxUnavailable().getIntVal()).isZero();
		// a draining pod leaves the Service (readiness fails) before it closes its
		// sessions, and finishes in time
		Map<String, String> config = DEFAULTS.get(ConfigMap.class, Chart.RELEASE + "-chat-service").getData();
		long delay = seconds(config.get("COTALK_CHAT_DRAIN_DELAY"));
		long spread = seconds(config.get("COTALK_CHAT_DRAIN_SPREAD"));
		Probe readiness = container(chat).getReadinessProbe();
		assertThat((long) readiness.getPeriodSeconds() * readiness.getFailureThreshold()).isLessThan(delay);
		assertThat(delay + spread).isLessThan(chatGrace / 2);
	}

	@Test
	void imagesAreTheJibImagesTaggedWithTheAppVersion() {
		for (String service : Repository.SERVICES) {
			assertThat(container(DEFAULTS.deployment(service)).getImage())
				.isEqualTo("cotalk/" + service + ":0.1.0-SNAPSHOT");
			assertThat(container(PRODUCTION.deployment(service)).getImage())
				.isEqualTo("registry.example.com/cotalk/" + service + ":0.1.0-SNAPSHOT");
		}
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("valueSets")
	void onlyTheGatewayHasAnIngressAndOnlyForApiAndWebSocketPaths(String values, Manifests manifests) {
		List<Ingress> ingresses = manifests.all(Ingress.class);
		assertThat(ingresses).hasSize(1);
		List<HTTPIngressPath> paths = ingresses.getFirst()
			.getSpec()
			.getRules()
			.stream()
			.flatMap((rule) -> rule.getHttp().getPaths().stream())
			.toList();
		assertThat(paths).isNotEmpty()
			.allSatisfy((path) -> assertThat(path.getBackend().getService().getName())
				.isEqualTo(Chart.RELEASE + "-gateway-service"));
		assertThat(paths).extracting(HTTPIngressPath::getPath).containsExactlyInAnyOrder("/api", "/ws");
		assertThat(ingresses.getFirst().getMetadata().getAnnotations())
			.containsEntry("nginx.ingress.kubernetes.io/proxy-read-timeout", "3600")
			.containsEntry("nginx.ingress.kubernetes.io/proxy-send-timeout", "3600");
	}

	@Test
	void productionIngressTerminatesTls() {
		Ingress ingress = PRODUCTION.all(Ingress.class).getFirst();
		assertThat(ingress.getSpec().getTls()).singleElement()
			.satisfies((tls) -> assertThat(tls.getHosts()).containsExactly("api.chat.example.com"));
		assertThat(ingress.getSpec().getRules()).extracting((rule) -> rule.getHost())
			.containsExactly("api.chat.example.com");
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("valueSets")
	void networkPoliciesLetOnlyTheGatewayBeReachedFromOutside(String values, Manifests manifests) {
		List<NetworkPolicy> policies = manifests.all(NetworkPolicy.class);
		for (Deployment deployment : manifests.all(Deployment.class)) {
			Map<String, String> pods = deployment.getSpec().getTemplate().getMetadata().getLabels();
			NetworkPolicy policy = policies.stream()
				.filter((p) -> pods.entrySet().containsAll(p.getSpec().getPodSelector().getMatchLabels().entrySet()))
				.findFirst()
				.orElseThrow(() -> new AssertionError("no NetworkPolicy selects " + name(deployment)));
			assertThat(policy.getSpec().getPolicyTypes()).contains("Ingress");
			if (name(deployment).endsWith("gateway-service")) {
				continue;
			}
			for (NetworkPolicyIngressRule rule : policy.getSpec().getIngress()) {
				assertThat(rule.getFrom()).as("%s admits %s", name(deployment), rule).isNotEmpty();
			}
			// the first rule: the release's own pods (the gateway and the other services)
			assertThat(policy.getSpec().getIngress().getFirst().getFrom()).singleElement()
				.satisfies((peer) -> assertThat(peer.getPodSelector().getMatchLabels())
					.containsEntry("app.kubernetes.io/instance", Chart.RELEASE)
					.doesNotContainKey("app.kubernetes.io/component"));
		}
	}

	@Test
	void theGatewayNeverRoutesInternalPaths() {
		// NetworkPolicy works at L4 and cannot single out /internal/**: the gateway's
		// route table must not route it.
		List<String> paths = GatewayRoutes.pathPredicates();
		assertThat(paths).isNotEmpty()
			.allSatisfy(
					(path) -> assertThat(path).doesNotContainIgnoringCase("internal").matches("/api/.+|/ws(/\\*\\*)?"));
	}

	@Test
	void theChartRendersItsSecretAndEveryPodReadsIt() {
		Secret secret = DEFAULTS.get(Secret.class, Chart.RELEASE + "-secrets");
		assertThat(secret.getData()).containsKeys("db-username", "db-password", "redis-url");
		assertThat(secretNames(DEFAULTS)).contains(Chart.RELEASE + "-secrets", Chart.RELEASE + "-internal-token");
	}

	@Test
	void anExistingSecretReplacesTheChartsOwn() {
		Manifests manifests = Chart.render(List.of(), Map.of("secrets.existingSecret", "my-credentials"));
		assertThat(manifests.all(Secret.class)).isEmpty();
		assertThat(secretNames(manifests)).contains("my-credentials")
			.doesNotContain(Chart.RELEASE + "-secrets", Chart.RELEASE + "-internal-token");
		Container auth = container(manifests.deployment("auth-service"));
		assertThat(auth.getEnv()).extracting(EnvVar::getName)
			.contains("COTALK_JWT_PRIVATE_KEY", "COTALK_JWT_KEY_ID", "COTALK_INTERNAL_TOKEN", "COTALK_DB_PASSWORD");
		// production names its own Secrets too
		assertThat(PRODUCTION.all(Secret.class)).isEmpty();
	}

	@Test
	void everyServiceGetsItsEnvironment() {
		ConfigMap common = DEFAULTS.get(ConfigMap.class, Chart.RELEASE + "-common");
		assertThat(common.getData()).containsEntry("COTALK_JWKS_URI", "http://cotalk-auth-service:8081/api/auth/jwks")
			.containsEntry("CHAT_SERVICE_URLS", "http://cotalk-chat-service:8084")
			.containsEntry("USER_SERVICE_URL", "http://cotalk-user-service:8082")
			.containsEntry("COTALK_CHAT_SHARDED_PUBSUB", "false")
			.containsKeys("COTALK_DB_URL", "COTALK_MESSAGE_PARTITIONS");
		for (String service : Repository.SERVICES) {
			Container container = container(DEFAULTS.deployment(service));
			assertThat(container.getEnvFrom()).hasSizeGreaterThanOrEqualTo(2);
			List<String> env = container.getEnv().stream().map(EnvVar::getName).toList();
			assertThat(env).contains("COTALK_REDIS_URL");
			if (!service.equals("gateway-service")) {
				assertThat(env).contains("COTALK_INTERNAL_TOKEN", "COTALK_DB_USER", "COTALK_DB_PASSWORD");
			}
			ConfigMap own = DEFAULTS.get(ConfigMap.class, Chart.RELEASE + "-" + service);
			assertThat(own.getData().get("PORT"))
				.isEqualTo(String.valueOf(container.getPorts().getFirst().getContainerPort()));
		}
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("valueSets")
	void everyServiceGetsWhatItsConfigurationNeedsOutsideALaptop(String values, Manifests manifests) {
		for (String service : Repository.SERVICES) {
			Container container = container(manifests.deployment(service));
			Set<String> env = new TreeSet<>();
			container.getEnv().forEach((entry) -> env.add(entry.getName()));
			container.getEnvFrom()
				.stream()
				.filter((source) -> source.getConfigMapRef() != null)
				.forEach((source) -> env
					.addAll(manifests.get(ConfigMap.class, source.getConfigMapRef().getName()).getData().keySet()));
			assertThat(env).as("%s's environment", service).containsAll(ServiceEnvironment.required(service));
		}
	}

	@Test
	void productionUsesTheReadReplicaAndRedisCluster() {
		ConfigMap common = PRODUCTION.get(ConfigMap.class, Chart.RELEASE + "-common");
		assertThat(common.getData().get("COTALK_DB_REPLICA_URL")).contains("replica");
		assertThat(common.getData().get("SPRING_DATA_REDIS_CLUSTER_NODES").split(",")).hasSize(3);
		assertThat(common.getData()).containsEntry("COTALK_CHAT_SHARDED_PUBSUB", "true");
	}

	@Test
	void productionScalesEveryServiceAndBudgetsDisruptions() {
		for (String service : Repository.SERVICES) {
			String name = Chart.RELEASE + "-" + service;
			HorizontalPodAutoscaler hpa = PRODUCTION.get(HorizontalPodAutoscaler.class, name);
			assertThat(hpa.getApiVersion()).isEqualTo("autoscaling/v2");
			assertThat(hpa.getSpec().getScaleTargetRef().getName()).isEqualTo(name);
			assertThat(hpa.getSpec().getMinReplicas()).isGreaterThanOrEqualTo(2);
			assertThat(hpa.getSpec().getMetrics()).isNotEmpty();
			PodDisruptionBudget pdb = PRODUCTION.get(PodDisruptionBudget.class, name);
			assertThat(pdb.getSpec().getSelector().getMatchLabels())
				.isEqualTo(PRODUCTION.deployment(service).getSpec().getSelector().getMatchLabels());
			// the HPA owns the replica count
			assertThat(PRODUCTION.deployment(service).getSpec().getReplicas()).isNull();
		}
	}

	@Test
	void defaultsBudgetDisruptionsOnlyWhereTwoReplicasRun() {
		assertThat(DEFAULTS.all(HorizontalPodAutoscaler.class)).isEmpty();
		assertThat(DEFAULTS.all(PodDisruptionBudget.class)).extracting((pdb) -> pdb.getMetadata().getName())
			.containsExactly(Chart.RELEASE + "-chat-service");
	}

	@Test
	void monitoringResourcesAreOffByDefault() {
		assertThat(DEFAULTS.ofKind("ServiceMonitor")).isEmpty();
		assertThat(DEFAULTS.ofKind("PrometheusRule")).isEmpty();
		assertThat(DEFAULTS.find(ConfigMap.class, Chart.RELEASE + "-dashboard")).isEmpty();
	}

	@Test
	void productionMonitorsEveryServiceWithTheSharedDashboardAndAlerts() {
		HasMetadata monitor = PRODUCTION.ofKind("ServiceMonitor").getFirst();
		assertThat(monitor.getApiVersion()).isEqualTo("monitoring.coreos.com/v1");
		Map<String, Object> spec = ((GenericKubernetesResource) monitor).get("spec");
		assertThat(spec).containsKeys("selector", "endpoints", "jobLabel");
		assertThat(spec.get("endpoints").toString()).contains("path=/actuator/prometheus", "port=http");
		// job = the component label of every Service: the job names the dashboard and the
		// alerts use
		String jobLabel = spec.get("jobLabel").toString();
		assertThat(PRODUCTION.all(Service.class))
			.allSatisfy((service) -> assertThat(service.getMetadata().getLabels().get(jobLabel))
				.isEqualTo(service.getMetadata().getName().substring(Chart.RELEASE.length() + 1)));

		HasMetadata rule = PRODUCTION.ofKind("PrometheusRule").getFirst();
		String rules = ((GenericKubernetesResource) rule).getAdditionalProperties().get("spec").toString();
		assertThat(Repository.cotalkMetricsIn(rules)).isNotEmpty();

		ConfigMap dashboard = PRODUCTION.get(ConfigMap.class, Chart.RELEASE + "-dashboard");
		assertThat(dashboard.getMetadata().getLabels()).containsEntry("grafana_dashboard", "1");
		String json = dashboard.getData().get("cotalk.json");
		assertThat(json).isEqualTo(Repository.read(Repository.chart().resolve("dashboards/cotalk.json")).strip());
		assertThat(JsonMapper.builder().build().readTree(json).get("panels").size()).isPositive();
	}

	private static void assertProbe(Deployment deployment, Probe probe, String path) {
		assertThat(probe).as("%s probe on %s", name(deployment), path).isNotNull();
		assertThat(probe.getHttpGet().getPath()).as(name(deployment)).isEqualTo(path);
		assertThat(probe.getHttpGet().getPort().getStrVal()).isEqualTo("http");
	}

	private static long seconds(String duration) {
		assertThat(duration).matches("\\d+s");
		return Long.parseLong(duration.substring(0, duration.length() - 1));
	}

	private static List<String> secretNames(Manifests manifests) {
		return manifests.all(Deployment.class)
			.stream()
			.flatMap((deployment) -> container(deployment).getEnv().stream())
			.filter((env) -> env.getValueFrom() != null && env.getValueFrom().getSecretKeyRef() != null)
			.map((env) -> env.getValueFrom().getSecretKeyRef().getName())
			.filter(Objects::nonNull)
			.distinct()
			.toList();
	}

	private static Container container(Deployment deployment) {
		return deployment.getSpec().getTemplate().getSpec().getContainers().getFirst();
	}

	private static String name(HasMetadata object) {
		return object.getMetadata().getName();
	}

}
