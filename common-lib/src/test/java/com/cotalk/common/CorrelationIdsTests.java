package com.cotalk.common;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CorrelationIdsTests {

	@Test
	void keepsWellFormedIdsAndReplacesOthers() {
		assertThat(CorrelationIds.sanitize("abc-DEF_1.2")).isEqualTo("abc-DEF_1.2");
		assertThat(CorrelationIds.sanitize("a b")).isNotEqualTo("a b");
		assertThat(CorrelationIds.sanitize("x".repeat(65))).hasSize(36);
		assertThat(CorrelationIds.sanitize(null)).hasSize(36);
	}

}
