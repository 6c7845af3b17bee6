package com.cotalk.message;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.Lifecycle;
import org.springframework.data.redis.connection.stream.MapRecord;
import org.springframework.data.redis.core.RedisCallback;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.cotalk.common.messages.MessageEvent;
import com.cotalk.common.messages.MessageKeys;
import com.cotalk.testsupport.InfrastructureContextCustomizerFactory;
import com.cotalk.testsupport.TestInfrastructure;
import com.cotalk.testsupport.TestTokens;

import io.micrometer.core.instrument.MeterRegistry;
import tools.jackson.databind.json.JsonMapper;

/**
 * How many messages per second one message-service instance moves from the streams into
 * PostgreSQL. Not a test: run it by hand against the test infrastructure, e.g.
 *
 * <pre>
 * ./mvnw -o -q test-compile dependency:build-classpath -pl message-service -Dmdep.outputFile=/tmp/cp.txt
 * java -cp message-service/target/test-classes:message-service/target/classes:$(cat /tmp/cp.txt) \
 *     com.cotalk.message.IngestBenchmark 200000 [--spring.property=value ...]
 * </pre>
 *
 * Arguments after the count go to the application: e.g.
 * {@code --spring.datasource.url=jdbc:postgresql://127.0.0.1:5432/scratch --spring.flyway.target=1}
 * measures a scratch database without the search index of migration V2.
 *
 * Two figures: draining a backlog that was appended while the readers were stopped (the
 * pure ingest rate), and appending at full speed while they run (producer and consumer
 * share the machine, as on a laptop).
 */
public final class IngestBenchmark {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private IngestBenchmark() {
	}

	public static void main(String[] args) throws Exception {
		int total = (args.length > 0) ? Integer.parseInt(args[0]) : 200_000;
		TestInfrastructure.Postgres pg = TestInfrastructure.postgres();
		String[] arguments = { "--server.port=0", "--spring.datasource.url=" + pg.jdbcUrl(),
				"--spring.datasource.username=" + pg.user(), "--spring.datasource.password=" + pg.password(),
				"--spring.data.redis.url=" + TestInfrastructure.redisUrl(),
				"--cotalk.security.jwt.jwks-uri=" + TestTokens.jwksUri(),
				"--cotalk.security.internal-token=" + InfrastructureContextCustomizerFactory.INTERNAL_TOKEN,
				"--logging.structured.format.console=" };
		if (args.length > 1) {
			// a later argument replaces an earlier one of the same property
			Map<String, String> merged = new LinkedHashMap<>();
			Stream.concat(Arrays.stream(arguments), Arrays.stream(args, 1, args.length))
				.forEach((argument) -> merged.put(argument.split("=", 2)[0], argument));
			arguments = merged.values().toArray(String[]::new);
		}
		try (ConfigurableApplicationContext context = SpringApplication.run(MessageServiceApplication.class,
				arguments)) {
			StringRedisTemplate redis = context.getBean(StringRedisTemplate.class);
			JdbcClient jdbc = context.getBean(JdbcClient.class);
			MeterRegistry meters = context.getBean(MeterRegistry.class);
			Lifecycle consumer = context.getBean("streamConsumer", Lifecycle.class);
			String run = "bench-" + UUID.randomUUID().toString().substring(0, 8);

			consumer.stop();
			long appendStart = System.nanoTime();
			append(redis, events(run + "-a", total));
			report("appended (XADD, pipelined)", total, System.nanoTime() - appendStart);
			double before = stored(meters);
			long drainStart = System.nanoTime();
			consumer.start();
			await(meters, before + total);
			report("backlog drained into PostgreSQL", total, System.nanoTime() - drainStart);

			before = stored(meters);
			long liveStart = System.nanoTime();
			append(redis, events(run + "-b", total));
			await(meters, before + total);
			report("appended and stored, concurrently", total, System.nanoTime() - liveStart);

			long deleted = jdbc.sql("DELETE FROM messages.messages WHERE client_msg_id LIKE :run")
				.param("run", run + "%")
				.update();
			System.out.println("cleaned up " + deleted + " benchmark rows");
		}
		finally {
			System.exit(0); // the loopback JWKS server would keep the JVM alive
		}
	}

	/**
	 * 1,000 rooms, spread over every partition, each getting its messages in seq order.
	 */
	private static List<MessageEvent> events(String run, int total) {
		int roomCount = 1_000;
		List<UUID> rooms = new ArrayList<>(roomCount);
		for (int i = 0; i < roomCount; i++) {
			rooms.add(UUID.randomUUID());
		}
		List<MessageEvent> events = new ArrayList<>(total);
		Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
		for (int i = 0; i < total; i++) {
			UUID room = rooms.get(i % roomCount);
			long seq = i / roomCount + 1;
			events.add(MessageEvent.accepted(UUID.randomUUID(), room, seq, UUID.randomUUID(), run + "-" + i, "TEXT",
					"벤치마크 message number " + i + " with a typical length of a chat line", now));
		}
		return events;
	}

	private static void append(StringRedisTemplate redis, List<MessageEvent> events) {
		int chunk = 5_000;
		for (int from = 0; from < events.size(); from += chunk) {
			List<MessageEvent> part = events.subList(from, Math.min(events.size(), from + chunk));
			redis.executePipelined((RedisCallback<Object>) (connection) -> {
				for (MessageEvent event : part) {
					byte[] key = MessageKeys
						.stream(MessageKeys.partition(event.roomId(), MessageKeys.DEFAULT_PARTITIONS))
						.getBytes(StandardCharsets.UTF_8);
					connection.streamCommands()
						.xAdd(MapRecord.create(key, Map.of(MessageKeys.EVENT_FIELD.getBytes(StandardCharsets.UTF_8),
								JSON.writeValueAsBytes(event))));
				}
				return null;
			});
		}
	}

	private static double stored(MeterRegistry meters) {
		return meters.get("cotalk.messages.stored").counter().count();
	}

	private static void await(MeterRegistry meters, double target) throws InterruptedException {
		long deadline = System.nanoTime() + Duration.ofMinutes(10).toNanos();
		while (stored(meters) < target && System.nanoTime() < deadline) {
			Thread.sleep(5);
		}
	}

	private static void report(String what, int count, long nanos) {
		double seconds = nanos / 1e9;
		System.out.printf("%-40s %,9d messages in %6.2f s = %,10.0f messages/s%n", what, count, seconds,
				count / seconds);
	}

}
