package com.cotalk.message.config;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import com.cotalk.testsupport.TestInfrastructure;

/**
 * With a replica URL, read-only transactions go to the replica and everything else to the
 * primary. The "replica" here is the test database under another application name, which
 * is enough to see where a statement went.
 */
@SpringBootTest
class ReplicaRoutingTests {

	@Autowired
	JdbcClient jdbc;

	@Autowired
	PlatformTransactionManager transactionManager;

	@DynamicPropertySource
	static void replica(DynamicPropertyRegistry registry) {
		String url = TestInfrastructure.postgres().jdbcUrl();
		registry.add("cotalk.message.replica-url",
				() -> url + (url.contains("?") ? "&" : "?") + "ApplicationName=cotalk-replica");
	}

	@Test
	void sendsReadOnlyTransactionsToTheReplica() {
		TransactionTemplate readOnly = new TransactionTemplate(this.transactionManager);
		readOnly.setReadOnly(true);
		String inReadOnly = readOnly.execute((status) -> applicationName());
		String inReadWrite = new TransactionTemplate(this.transactionManager).execute((status) -> applicationName());
		assertThat(inReadOnly).isEqualTo("cotalk-replica");
		assertThat(inReadWrite).isNotEqualTo("cotalk-replica");
		assertThat(applicationName()).isNotEqualTo("cotalk-replica");
	}

	private String applicationName() {
		return this.jdbc.sql("SELECT current_setting('application_name')").query(String.class).single();
	}

}
