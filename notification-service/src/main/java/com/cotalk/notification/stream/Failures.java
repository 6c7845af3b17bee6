package com.cotalk.notification.stream;

import java.sql.SQLException;

import org.jspecify.annotations.Nullable;
import org.springframework.dao.DataAccessException;

import io.lettuce.core.RedisException;

/**
 * Tells a failure worth waiting out (a database, Redis or service that is down) from an
 * entry that fails every time. Of database failures only SQLSTATE classes 22 (data
 * exception) and 23 (integrity violation) blame the entry; anything else, including
 * failures without any SQLSTATE such as a refused connection, blames the database, so an
 * outage never throws notifications away.
 */
final class Failures {

	private Failures() {
	}

	static boolean isTransient(Throwable failure) {
		if (failure instanceof RetryLaterException || failure instanceof RedisException) {
			return true;
		}
		if (failure instanceof DataAccessException) {
			String state = sqlState(failure);
			return state == null || !(state.startsWith("22") || state.startsWith("23"));
		}
		return false;
	}

	/** A description without values from the entry. */
	static String describe(Throwable failure) {
		String state = sqlState(failure);
		if (state != null) {
			return "SQLSTATE " + state;
		}
		return (failure instanceof RetryLaterException || failure instanceof BadEntryException)
				? String.valueOf(failure.getMessage()) : failure.getClass().getSimpleName();
	}

	private static @Nullable String sqlState(Throwable failure) {
		for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
			if (cause instanceof SQLException sql && sql.getSQLState() != null) {
				return sql.getSQLState();
			}
			if (cause.getCause() == cause) {
				break;
			}
		}
		return null;
	}

}
