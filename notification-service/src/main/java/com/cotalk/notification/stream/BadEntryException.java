package com.cotalk.notification.stream;

/**
 * The entry can never be handled (no event, not JSON, missing fields): it is logged with
 * this reason, which must not quote the entry's content, and acknowledged.
 */
public class BadEntryException extends RuntimeException {

	public BadEntryException(String reason) {
		super(reason, null, false, false);
	}

}
