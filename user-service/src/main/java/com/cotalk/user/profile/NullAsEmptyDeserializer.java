package com.cotalk.user.profile;

import org.jspecify.annotations.Nullable;

import tools.jackson.core.JsonParser;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.deser.std.StdDeserializer;

/**
 * Tells an absent property ({@code null}: leave it alone) from an explicit JSON
 * {@code null} ({@code ""}: remove it) in a PATCH body. Jackson passes the same
 * {@code null} for both into a record's constructor, and
 * {@code @JsonSetter(nulls = AS_EMPTY)} turns both into {@code ""}; only a deserializer's
 * absent value differs.
 */
class NullAsEmptyDeserializer extends StdDeserializer<String> {

	NullAsEmptyDeserializer() {
		super(String.class);
	}

	@Override
	public String deserialize(JsonParser parser, DeserializationContext context) {
		return context.readValue(parser, String.class);
	}

	@Override
	public Object getNullValue(DeserializationContext context) {
		return "";
	}

	@Override
	public @Nullable Object getAbsentValue(DeserializationContext context) {
		return null;
	}

}
