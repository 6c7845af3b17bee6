package com.cotalk.notification.stream;

/**
 * One stream read with the group.
 *
 * @param key the stream
 * @param start where the group starts when it does not exist yet
 * @param handler what each entry is handed to
 */
public record StreamSubscription(String key, Start start, EntryHandler handler) {

	public enum Start {

		/**
		 * Everything the stream holds: for streams written for us, whose entries are not
		 * stale when we first see them.
		 */
		BEGINNING,

		/**
		 * Only entries appended after the group was made: for streams with a long history
		 * of their own, which would be stale news.
		 */
		NEW

	}

}
