package com.cotalk.message.search;

import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * @param text what to find, trimmed, at least two characters
 * @param roomId only this room of the caller's, or all of them
 * @param before only messages older than this one (a message id: UUIDv7, time-ordered)
 * @param limit the page size
 */
record SearchQuery(String text, @Nullable UUID roomId, @Nullable UUID before, int limit) {

	static final int MIN_LENGTH = 2;

	static final int MAX_LENGTH = 200;

}
