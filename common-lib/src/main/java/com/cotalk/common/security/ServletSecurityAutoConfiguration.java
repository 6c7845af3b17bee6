package com.cotalk.common.security;

import java.net.MalformedURLException;
import java.util.List;

import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jose.util.DefaultResourceRetriever;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.slf4j.MDC;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.security.autoconfigure.web.servlet.ServletWebSecurityAutoConfiguration;
import org.springframework.boot.security.oauth2.server.resource.autoconfigure.servlet.OAuth2ResourceServerAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.security.oauth2.server.resource.web.authentication.BearerTokenAuthenticationFilter;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import tools.jackson.databind.json.JsonMapper;

/**
 * Every servlet service verifies the access token itself (zero trust behind the gateway,
 * see docs/security.md): RS256 only, signature from the auth-service JWKS, {@code exp},
 * {@code iss} and {@code aud} checked. {@code /internal/**} accepts only the internal
 * service token. Everything else needs a token unless listed in
 * {@code cotalk.security.public-paths}.
 */
@AutoConfiguration(before = { ServletWebSecurityAutoConfiguration.class, OAuth2ResourceServerAutoConfiguration.class })
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnClass({ SecurityFilterChain.class, JwtDecoder.class })
@EnableConfigurationProperties(CotalkSecurityProperties.class)
@EnableWebSecurity
public class ServletSecurityAutoConfiguration {

	private static final String[] ALWAYS_PUBLIC = { "/error", "/actuator/health", "/actuator/health/**",
			"/actuator/info", "/actuator/prometheus", "/v3/api-docs", "/v3/api-docs/**", "/swagger-ui/**",
			"/swagger-ui.html" };

	@Bean
	@ConditionalOnMissingBean
	JwtDecoder jwtDecoder(CotalkSecurityProperties properties) {
		CotalkSecurityProperties.Jwt jwt = properties.jwt();
		NimbusJwtDecoder decoder = NimbusJwtDecoder.withJwkSource(jwkSource(jwt))
			.jwsAlgorithm(SignatureAlgorithm.RS256)
			.build();
		decoder.setJwtValidator(AccessTokens.validator(jwt.issuer(), jwt.audience()));
		return decoder;
	}

	/**
	 * The auth-service keys, cached; a token naming an unknown {@code kid} (a new key, or
	 * one an attacker made up) fetches them again at most once per
	 * {@code jwks-min-refetch-interval}, so CONNECT frames or requests with made-up
	 * {@code kid}s cannot make auth-service work per frame. Spring's JWK-set-URI builder
	 * turns Nimbus's rate limit off.
	 */
	static JWKSource<SecurityContext> jwkSource(CotalkSecurityProperties.Jwt jwt) {
		int timeout = Math.toIntExact(jwt.jwksTimeout().toMillis());
		try {
			return JWKSourceBuilder
				.<SecurityContext>create(jwt.jwksUri().toURL(),
						new DefaultResourceRetriever(timeout, timeout, 512 * 1024))
				.cache(jwt.jwksCacheTtl().toMillis(), timeout)
				.rateLimited(jwt.jwksMinRefetchInterval().toMillis())
				.refreshAheadCache(false)
				.build();
		}
		catch (MalformedURLException ex) {
			throw new IllegalStateException("cotalk.security.jwt.jwks-uri is not a URL: " + jwt.jwksUri(), ex);
		}
	}

	@Bean
	SecurityFilterChain cotalkSecurityFilterChain(HttpSecurity http, CotalkSecurityProperties properties,
			JsonMapper jsonMapper) {
		ProblemSecurityHandlers handlers = new ProblemSecurityHandlers(jsonMapper);
		List<String> publicPaths = properties.publicPaths();
		http.csrf((csrf) -> csrf.disable())
			.httpBasic((basic) -> basic.disable())
			.formLogin((form) -> form.disable())
			.logout((logout) -> logout.disable())
			.requestCache((cache) -> cache.disable())
			.anonymous((anonymous) -> anonymous.principal("anonymous"))
			.sessionManagement((session) -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.authorizeHttpRequests((authorize) -> authorize.requestMatchers("/internal/**")
				.hasRole(InternalTokenFilter.ROLE)
				.requestMatchers(ALWAYS_PUBLIC)
				.permitAll()
				.requestMatchers(publicPaths.toArray(String[]::new))
				.permitAll()
				.anyRequest()
				.authenticated())
			.oauth2ResourceServer((resource) -> resource.jwt((jwt) -> {
			}).authenticationEntryPoint(handlers.entryPoint()).accessDeniedHandler(handlers.accessDenied()))
			.exceptionHandling((exceptions) -> exceptions.authenticationEntryPoint(handlers.entryPoint())
				.accessDeniedHandler(handlers.accessDenied()))
			.addFilterBefore(new InternalTokenFilter(properties.internalToken()), BearerTokenAuthenticationFilter.class)
			.addFilterAfter(new UserIdLogContextFilter(), BearerTokenAuthenticationFilter.class);
		return http.build();
	}

	@Bean
	WebMvcConfigurer authenticatedUserResolverConfigurer() {
		return new WebMvcConfigurer() {
			@Override
			public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
				resolvers.add(new AuthenticatedUserArgumentResolver());
			}
		};
	}

	/** Puts the verified user id into the log context for the rest of the request. */
	static final class UserIdLogContextFilter extends OncePerRequestFilter {

		@Override
		protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
				throws ServletException, java.io.IOException {
			Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
			if (authentication instanceof JwtAuthenticationToken token) {
				MDC.put("userId", token.getToken().getSubject());
			}
			try {
				chain.doFilter(request, response);
			}
			finally {
				MDC.remove("userId");
			}
		}

	}

}
