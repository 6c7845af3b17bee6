package com.cotalk.auth.account;

import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class AccountRepository {

	private final JdbcClient jdbc;

	AccountRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	record Credentials(UUID id, String passwordHash) {
	}

	/**
	 * @return false when the email is taken
	 */
	boolean insert(UUID id, String email, String passwordHash) {
		return this.jdbc
			.sql("INSERT INTO accounts (id, email, password_hash) VALUES (:id, :email, :hash) ON CONFLICT DO NOTHING")
			.param("id", id)
			.param("email", email)
			.param("hash", passwordHash)
			.update() == 1;
	}

	Optional<Credentials> findCredentials(String email) {
		return this.jdbc.sql("SELECT id, password_hash FROM accounts WHERE lower(email) = :email")
			.param("email", email)
			.query(Credentials.class)
			.optional();
	}

}
