package com.cotalk.gateway.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PathGuardWebFilterTests {

	@Test
	void forbidsPathsThatChangeMeaningWhenDecodedOrNormalised() {
		assertThat(PathGuardWebFilter.isForbidden("/api/users/%2e%2e/internal/x")).isTrue();
		assertThat(PathGuardWebFilter.isForbidden("/api/users/%2F")).isTrue();
		assertThat(PathGuardWebFilter.isForbidden("/api/users/%5C")).isTrue();
		assertThat(PathGuardWebFilter.isForbidden("/api/users/..")).isTrue();
		assertThat(PathGuardWebFilter.isForbidden("/api/users/.;/x")).isTrue();
		assertThat(PathGuardWebFilter.isForbidden("/internal")).isTrue();
		assertThat(PathGuardWebFilter.isForbidden("/api/Internal;jsessionid=1/x")).isTrue();
	}

	@Test
	void allowsOrdinaryPaths() {
		assertThat(PathGuardWebFilter.isForbidden("/api/users/me")).isFalse();
		assertThat(PathGuardWebFilter.isForbidden("/api/users/internals")).isFalse();
		assertThat(PathGuardWebFilter.isForbidden("/api/users/v1.2")).isFalse();
		assertThat(PathGuardWebFilter.isForbidden("/")).isFalse();
	}

}
