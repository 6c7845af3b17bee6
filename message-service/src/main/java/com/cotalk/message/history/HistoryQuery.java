package com.cotalk.message.history;

import org.jspecify.annotations.Nullable;

/**
 * Which page of a room's history: without bounds the newest {@code limit} messages;
 * {@code after} only, the first {@code limit} after it (catching up); {@code before}
 * only, the last {@code limit} before it (scrolling back); both, the first {@code limit}
 * between them.
 */
record HistoryQuery(@Nullable Long after, @Nullable Long before, int limit) {

	/**
	 * Whether the page is taken from the newest end of its range (and {@code hasMore}
	 * means "older ones exist").
	 */
	boolean fromNewest() {
		return this.after == null;
	}

}
