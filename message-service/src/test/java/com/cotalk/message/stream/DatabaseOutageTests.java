package com.cotalk.message.stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.Range;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DelegatingDataSource;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import com.cotalk.common.messages.MessageEvent;
import com.cotalk.message.MessagePathProperties;
import com.cotalk.message.MessageServiceTestSupport;
import com.cotalk.testsupport.TestInfrastructure;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import tools.jackson.databind.json.JsonMapper;

/**
 * A reader whose database goes away: it acknowledges nothing, dead-letters nothing, and
 * stores everything once the database is back. The reader works on a stream of its own;
 * "down" is a real PostgreSQL driver pointed at a port nothing listens on, so the failure
 * is the one a stopped server gives.
 */
class DatabaseOutageTests extends MessageServiceTestSupport {

	@Autowired
	DataSource dataSource;

	@Autowired
	LettuceConnectionFactory redisConnections;

	@Autowired
	JsonMapper jsonMapper;

	@Autowired
	MessagePathProperties properties;

	@Test
	void keepsEntriesUnacknowledgedWhilePostgresIsDownAndStoresThemWhenItIsBack() throws Exception {
		String tag = UUID.randomUUID().toString();
		String stream = "test:{" + tag + "}:stream";
		String deadLetters = "test:{" + tag + "}:dead";
		SwitchableDataSource database = new SwitchableDataSource(this.dataSource);
		database.down.set(true);
		AtomicBoolean running = new AtomicBoolean(true);
		IngestMetrics metrics = new IngestMetrics(new SimpleMeterRegistry());
		PartitionReader reader = new PartitionReader(99,
				() -> PartitionStream.open(this.redisConnections.getRequiredNativeClient(), stream, deadLetters,
						"outage-test", "reader-1", Duration.ofSeconds(10)),
				new EntryStore(new EntryParser(this.jsonMapper),
						new BatchWriter(new MessageBatchRepository(JdbcClient.create(database)), metrics, 1), metrics,
						Duration.ofMillis(200)),
				metrics, this.properties.persistence(), running::get);
		Thread thread = Thread.ofVirtual().start(reader);
		try {
			UUID room = UUID.randomUUID();
			await().until(() -> this.redis.hasKey(stream));
			List<String> ids = List.of(appendTo(stream, message(room, 1)), appendTo(stream, message(room, 2)));
			await().atMost(Duration.ofSeconds(10))
				.until(() -> this.redis.opsForStream().pending(stream, "outage-test").getTotalPendingMessages() > 0);
			Thread.sleep(1_500);
			// the reader holds its batch, unacknowledged, and reads nothing more until it
			// is stored
			assertThat(this.redis.opsForStream().pending(stream, "outage-test").getTotalPendingMessages()).isPositive();
			assertThat(this.redis.opsForStream().range(stream, Range.closed(ids.getFirst(), ids.getLast()))).hasSize(2);
			assertThat(this.redis.hasKey(deadLetters)).isFalse();
			assertThat(storedCount(room)).isZero();

			database.down.set(false);
			awaitStored(room, 2);
			await().atMost(Duration.ofSeconds(10))
				.until(() -> this.redis.opsForStream().pending(stream, "outage-test").getTotalPendingMessages() == 0);
			assertThat(this.redis.hasKey(deadLetters)).isFalse();
		}
		finally {
			running.set(false);
			thread.join(Duration.ofSeconds(10));
			this.redis.delete(List.of(stream, deadLetters));
		}
	}

	private String appendTo(String stream, MessageEvent event) {
		return this.redis.opsForStream().add(stream, Map.of("event", JSON.writeValueAsString(event))).getValue();
	}

	/** The real database, or, while {@code down}, a server that refuses connections. */
	static final class SwitchableDataSource extends DelegatingDataSource {

		final AtomicBoolean down = new AtomicBoolean();

		private final DataSource unreachable = new DriverManagerDataSource(
				"jdbc:postgresql://127.0.0.1:" + TestInfrastructure.freePort() + "/cotalk_test?connectTimeout=1");

		SwitchableDataSource(DataSource real) {
			super(real);
		}

		@Override
		public Connection getConnection() throws SQLException {
			return this.down.get() ? this.unreachable.getConnection() : super.getConnection();
		}

	}

}
