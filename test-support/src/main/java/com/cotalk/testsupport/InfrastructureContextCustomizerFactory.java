package com.cotalk.testsupport;

import java.util.List;
import java.util.Map;

import org.springframework.core.env.MapPropertySource;
import org.springframework.test.context.ContextConfigurationAttributes;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.ContextCustomizerFactory;

/**
 * Points every Spring test context at the real test PostgreSQL and Redis, the test JWKS
 * and a test internal token, so that no test has to repeat that wiring.
 */
public class InfrastructureContextCustomizerFactory implements ContextCustomizerFactory {

	public static final String INTERNAL_TOKEN = "test-internal-token-0123456789";

	@Override
	public ContextCustomizer createContextCustomizer(Class<?> testClass,
			List<ContextConfigurationAttributes> configAttributes) {
		return new InfrastructureCustomizer();
	}

	private record InfrastructureCustomizer() implements ContextCustomizer {

		@Override
		public void customizeContext(org.springframework.context.ConfigurableApplicationContext context,
				org.springframework.test.context.MergedContextConfiguration mergedConfig) {
			TestInfrastructure.Postgres pg = TestInfrastructure.postgres();
			Map<String, Object> properties = Map.of("spring.datasource.url", pg.jdbcUrl(), "spring.datasource.username",
					pg.user(), "spring.datasource.password", pg.password(), "spring.data.redis.url",
					TestInfrastructure.redisUrl(), "cotalk.security.jwt.jwks-uri", TestTokens.jwksUri(),
					"cotalk.security.internal-token", INTERNAL_TOKEN);
			context.getEnvironment()
				.getPropertySources()
				.addFirst(new MapPropertySource("cotalkTestInfrastructure", properties));
		}

	}

}
