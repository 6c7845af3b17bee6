package com.cotalk.common.json;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.context.annotation.Bean;

import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.JacksonModule;
import tools.jackson.databind.SerializationContext;
import tools.jackson.databind.module.SimpleModule;
import tools.jackson.databind.ser.std.StdSerializer;

/**
 * The API promises timestamps as ISO-8601 UTC with exactly three fraction digits
 * ({@code 2026-11-24T15:00:00.123Z}). Jackson's default writes whatever precision the
 * value has (microseconds from PostgreSQL, none on a whole second), so every
 * {@link Instant} goes through one fixed format instead.
 */
@AutoConfiguration
@ConditionalOnClass(JacksonModule.class)
public class ApiTimestampsAutoConfiguration {

	@Bean
	JacksonModule cotalkApiTimestampModule() {
		return new SimpleModule("cotalk-api-timestamps").addSerializer(Instant.class, new MillisInstantSerializer());
	}

	static final class MillisInstantSerializer extends StdSerializer<Instant> {

		static final DateTimeFormatter FORMAT = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'")
			.withZone(ZoneOffset.UTC);

		MillisInstantSerializer() {
			super(Instant.class);
		}

		@Override
		public void serialize(Instant value, JsonGenerator generator, SerializationContext context) {
			generator.writeString(FORMAT.format(value));
		}

	}

}
