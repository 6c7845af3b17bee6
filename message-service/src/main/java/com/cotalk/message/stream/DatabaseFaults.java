package com.cotalk.message.stream;

import java.sql.SQLException;

import org.jspecify.annotations.Nullable;

/**
 * Tells a row PostgreSQL refuses (the entry's fault: the same row fails every time) from
 * a database that is down, restarting, full or misconfigured (the database's fault: the
 * same row succeeds later). Only SQLSTATE classes 22 (data exception) and 23 (integrity
 * violation) blame the row; anything else, including failures without any SQLSTATE such
 * as a refused connection, blames the database, so that an outage never throws messages
 * away.
 */
final class DatabaseFaults {

	private DatabaseFaults() {
	}

	static boolean isEntryFault(Throwable failure) {
		String state = sqlState(failure);
		return state != null && (state.startsWith("22") || state.startsWith("23"));
	}

	/**
	 * A description without values from the row (PostgreSQL's detail may quote the
	 * message text).
	 */
	static String describe(Throwable failure) {
		String state = sqlState(failure);
		return (state != null) ? "SQLSTATE " + state : failure.getClass().getSimpleName();
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
