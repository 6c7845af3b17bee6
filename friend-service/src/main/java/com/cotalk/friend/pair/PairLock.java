package com.cotalk.friend.pair;

import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Serialises every change between two users. Requests, accepts, removals and blocks on
 * one pair take the same transaction-scoped advisory lock, whichever side calls, so that
 * two requests crossing each other end as one friendship and a block cannot race an
 * accept. Different pairs never wait for each other (barring a 64-bit hash collision,
 * which only costs a wait).
 */
@Component
public class PairLock {

	private final JdbcClient jdbc;

	PairLock(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Held until the surrounding transaction ends. */
	@Transactional(propagation = Propagation.MANDATORY)
	public void lock(UUID one, UUID other) {
		this.jdbc.sql("SELECT 1 FROM pg_advisory_xact_lock(hashtextextended(:pair, 0))")
			.param("pair", key(one, other))
			.query((rs, row) -> 1)
			.single();
	}

	static String key(UUID one, UUID other) {
		return (one.compareTo(other) <= 0) ? one + ":" + other : other + ":" + one;
	}

}
