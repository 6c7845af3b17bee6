package com.cotalk.message.config;

import javax.sql.DataSource;

import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.jdbc.autoconfigure.DataSourceProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.datasource.LazyConnectionDataSourceProxy;

import com.cotalk.message.MessageServiceProperties;
import com.zaxxer.hikari.HikariDataSource;

/**
 * Read-only transactions ({@code @Transactional(readOnly = true)}: history, last
 * messages) go to the read replica when {@code cotalk.message.replica-url} names one;
 * everything else (the stream writes, max-seq) goes to the primary. The lazy proxy
 * fetches a real connection only at the first statement, when the transaction's read-only
 * flag is known. Without a replica URL Boot's single pool serves everything.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnExpression("!'${cotalk.message.replica-url:}'.isBlank()")
class ReplicaDataSourceConfiguration {

	@Bean
	@ConfigurationProperties("spring.datasource.hikari")
	HikariDataSource primaryDataSource(DataSourceProperties properties) {
		HikariDataSource primary = properties.initializeDataSourceBuilder().type(HikariDataSource.class).build();
		primary.setPoolName("primary");
		return primary;
	}

	@Bean
	@ConfigurationProperties("spring.datasource.hikari")
	HikariDataSource replicaDataSource(DataSourceProperties properties, MessageServiceProperties message) {
		HikariDataSource replica = properties.initializeDataSourceBuilder()
			.type(HikariDataSource.class)
			.url(message.replicaUrl())
			.build();
		replica.setPoolName("replica");
		replica.setReadOnly(true);
		return replica;
	}

	@Bean
	@Primary
	DataSource dataSource(HikariDataSource primaryDataSource, HikariDataSource replicaDataSource) {
		LazyConnectionDataSourceProxy routing = new LazyConnectionDataSourceProxy(primaryDataSource);
		routing.setReadOnlyDataSource(replicaDataSource);
		return routing;
	}

}
