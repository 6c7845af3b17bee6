package com.cotalk.common;

import java.util.UUID;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * The one rule for correlation ids, shared by the servlet services and the reactive
 * gateway.
 */
public final class CorrelationIds {

	private static final Pattern SAFE_ID = Pattern.compile("[A-Za-z0-9._-]{1,64}");

	private CorrelationIds() {
	}

	/**
	 * Accepts a well-formed id, otherwise makes a fresh one, so that no client text is
	 * logged verbatim.
	 */
	public static String sanitize(@Nullable String candidate) {
		return (candidate != null && SAFE_ID.matcher(candidate).matches()) ? candidate : UUID.randomUUID().toString();
	}

}
