package com.cotalk.gateway.security;

import java.time.Clock;
import java.util.List;

import org.springframework.context.annotation.Bean;
import org.springframework.security.config.Customizer;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.security.config.annotation.web.reactive.EnableWebFluxSecurity;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.NimbusReactiveJwtDecoder;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.ServerAuthenticationEntryPoint;
import org.springframework.security.web.server.authorization.ServerAccessDeniedHandler;
import org.springframework.security.web.server.context.NoOpServerSecurityContextRepository;
import org.springframework.security.web.server.firewall.ServerExchangeRejectedHandler;
import org.springframework.security.web.server.savedrequest.NoOpServerRequestCache;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatcher;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatchers;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.reactive.CorsConfigurationSource;
import org.springframework.web.cors.reactive.UrlBasedCorsConfigurationSource;
import org.springframework.web.reactive.function.client.WebClient;

import com.cotalk.common.Headers;
import com.cotalk.common.security.AccessTokens;
import com.cotalk.common.web.StatusProblems;
import com.cotalk.gateway.error.ProblemResponses;

import io.netty.channel.ChannelOption;
import reactor.netty.http.client.HttpClient;

/**
 * Every request needs a valid access token except the few that obtain one, the JWKS, the
 * API documents, health probes and the WebSocket handshake (STOMP CONNECT carries the
 * token and chat-service checks it). Public paths have their own chain without token
 * handling, so that a stale token sent along with a refresh or login does not turn it
 * into a 401.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebFluxSecurity
class SecurityConfig {

	@Bean
	ReactiveJwtDecoder jwtDecoder(JwtProperties properties) {
		int timeoutMillis = Math.toIntExact(properties.jwksTimeout().toMillis());
		HttpClient http = HttpClient.create()
			.option(ChannelOption.CONNECT_TIMEOUT_MILLIS, timeoutMillis)
			.responseTimeout(properties.jwksTimeout());
		WebClient jwksClient = WebClient.builder()
			.clientConnector(new ReactorClientHttpConnector(http))
			.filter(new JwksFetchThrottle(properties.jwksMinRefetchInterval(), Clock.systemUTC()))
			.build();
		NimbusReactiveJwtDecoder decoder = NimbusReactiveJwtDecoder.withJwkSetUri(properties.jwksUri().toString())
			.jwsAlgorithm(SignatureAlgorithm.RS256)
			.webClient(jwksClient)
			.build();
		decoder.setJwtValidator(new DelegatingOAuth2TokenValidator<>(
				AccessTokens.validator(properties.issuer(), properties.audience()), subjectRequired()));
		return decoder;
	}

	/**
	 * Bearer tokens, not cookies, so no credentials mode; preflights are answered before
	 * authentication, so a browser can ask without a token.
	 */
	@Bean
	CorsConfigurationSource corsConfigurationSource(CorsProperties properties) {
		UrlBasedCorsConfigurationSource source = new UrlBasedCorsConfigurationSource();
		List<String> origins = properties.allowedOrigins().stream().filter((origin) -> !origin.isBlank()).toList();
		if (!origins.isEmpty()) {
			CorsConfiguration cors = new CorsConfiguration();
			cors.setAllowedOrigins(origins);
			cors.setAllowedMethods(List.of("GET", "POST", "PUT", "PATCH", "DELETE"));
			cors.setAllowedHeaders(
					List.of(HttpHeaders.AUTHORIZATION, HttpHeaders.CONTENT_TYPE, Headers.CORRELATION_ID));
			cors.setExposedHeaders(List.of(HttpHeaders.RETRY_AFTER, HttpHeaders.LOCATION, Headers.CORRELATION_ID));
			cors.setMaxAge(properties.maxAge());
			source.registerCorsConfiguration("/api/**", cors);
		}
		return source;
	}

	/**
	 * Spring Security's firewall refuses URLs whose meaning could change on the way
	 * (encoded {@code ;}, CR/LF, {@code //}); its refusal is a 400 problem like every
	 * other, not a bare status.
	 */
	@Bean
	ServerExchangeRejectedHandler exchangeRejectedHandler(ProblemResponses problems) {
		return (exchange, ex) -> problems.write(exchange, StatusProblems.forStatus(HttpStatus.BAD_REQUEST));
	}

	@Bean
	@Order(1)
	SecurityWebFilterChain publicChain(ServerHttpSecurity http) {
		return stateless(http).securityMatcher(publicPaths())
			.authorizeExchange((exchanges) -> exchanges.anyExchange().permitAll())
			.build();
	}

	@Bean
	@Order(2)
	SecurityWebFilterChain apiChain(ServerHttpSecurity http, ReactiveJwtDecoder jwtDecoder, ProblemResponses problems) {
		ServerAuthenticationEntryPoint unauthorized = (exchange, ex) -> {
			exchange.getResponse().getHeaders().set(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
			return problems.write(exchange, StatusProblems.forStatus(HttpStatus.UNAUTHORIZED));
		};
		ServerAccessDeniedHandler forbidden = (exchange, ex) -> problems.write(exchange,
				StatusProblems.forStatus(HttpStatus.FORBIDDEN));
		return stateless(http).authorizeExchange((exchanges) -> exchanges.anyExchange().authenticated())
			.oauth2ResourceServer((resourceServer) -> resourceServer.jwt((jwt) -> jwt.jwtDecoder(jwtDecoder))
				.authenticationEntryPoint(unauthorized)
				.accessDeniedHandler(forbidden))
			.exceptionHandling(
					(exceptions) -> exceptions.authenticationEntryPoint(unauthorized).accessDeniedHandler(forbidden))
			.build();
	}

	private static ServerHttpSecurity stateless(ServerHttpSecurity http) {
		return http.cors(Customizer.withDefaults())
			.csrf(ServerHttpSecurity.CsrfSpec::disable)
			.httpBasic(ServerHttpSecurity.HttpBasicSpec::disable)
			.formLogin(ServerHttpSecurity.FormLoginSpec::disable)
			.logout(ServerHttpSecurity.LogoutSpec::disable)
			.requestCache((cache) -> cache.requestCache(NoOpServerRequestCache.getInstance()))
			.securityContextRepository(NoOpServerSecurityContextRepository.getInstance());
	}

	private static ServerWebExchangeMatcher publicPaths() {
		return ServerWebExchangeMatchers.matchers(
				ServerWebExchangeMatchers.pathMatchers(HttpMethod.POST, "/api/auth/signup", "/api/auth/login",
						"/api/auth/refresh", "/api/auth/logout"),
				ServerWebExchangeMatchers.pathMatchers(HttpMethod.GET, "/api/auth/jwks", "/actuator/health",
						"/actuator/health/**", "/api/openapi.json", "/api/openapi.yaml", "/api/docs", "/api/docs/**"),
				ServerWebExchangeMatchers.pathMatchers("/ws", "/ws/**"));
	}

	/**
	 * The user id is what the identity header and the per-user rate limit are keyed on.
	 */
	private static OAuth2TokenValidator<Jwt> subjectRequired() {
		return (jwt) -> (jwt.getSubject() != null && !jwt.getSubject().isBlank()) ? OAuth2TokenValidatorResult.success()
				: OAuth2TokenValidatorResult.failure(new OAuth2Error("invalid_token"));
	}

}
