package com.cotalk.notification.stream;

/**
 * Something an entry needs is unavailable for now (another service is down): the entry is
 * tried again later, never dropped.
 */
public class RetryLaterException extends RuntimeException {

	public RetryLaterException(String message) {
		super(message, null, false, false);
	}

}
