package com.cotalk.deploychecks;

import java.nio.file.Path;

import com.marcnuri.helm.LintResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code helm lint --strict}, through Helm's own library, with the default and the
 * production values.
 */
class HelmLintTests {

	@Test
	void lintsCleanWithDefaultValues() {
		LintResult lint = Chart.lint();
		assertThat(lint.isFailed()).as("helm lint --strict: %s", lint.getMessages()).isFalse();
	}

	@Test
	void lintsCleanWithProductionValues(@TempDir Path scratch) {
		LintResult lint = Chart.lint(Chart.productionValues(), scratch);
		assertThat(lint.isFailed()).as("helm lint --strict -f values-production.yaml: %s", lint.getMessages())
			.isFalse();
	}

}
