package com.cotalk.notification.stream;

import java.util.Map;

/**
 * Takes one stream entry to the end. Returning acknowledges the entry. Throwing
 * {@link RetryLaterException}, or a failure of PostgreSQL or Redis themselves, leaves it
 * unacknowledged and hands it in again after a pause; any other exception marks the entry
 * as one that can never succeed: it is logged and acknowledged. An entry may come again
 * after it succeeded (a crash before the acknowledgement), so handlers are idempotent.
 */
@FunctionalInterface
public interface EntryHandler {

	/**
	 * @param id the entry's id
	 * @param fields its fields (empty for an entry claimed after it was deleted)
	 */
	void handle(String id, Map<String, String> fields);

}
