package com.cotalk.gateway;

import java.util.List;
import java.util.Map;

import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;
import org.springframework.test.context.ContextConfigurationAttributes;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.ContextCustomizerFactory;
import org.springframework.test.context.MergedContextConfiguration;

/**
 * Points the gateway at {@link TestKeys}' JWKS. test-support's customizer sets the same
 * property for every context, after {@code @SpringBootTest} properties and
 * {@code @DynamicPropertySource} may have; factories named in
 * {@code @ContextCustomizerFactories} run after the default ones, so this one wins.
 */
class TestJwksCustomizerFactory implements ContextCustomizerFactory {

	@Override
	public ContextCustomizer createContextCustomizer(Class<?> testClass,
			List<ContextConfigurationAttributes> configAttributes) {
		return new JwksCustomizer();
	}

	private record JwksCustomizer() implements ContextCustomizer {

		@Override
		public void customizeContext(ConfigurableApplicationContext context, MergedContextConfiguration config) {
			context.getEnvironment()
				.getPropertySources()
				.addFirst(new MapPropertySource("gatewayTestJwks",
						Map.of("cotalk.security.jwt.jwks-uri", TestKeys.jwksUri())));
		}

	}

}
