package com.cotalk.auth.key;

import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class SigningKeyRepository {

	private final JdbcClient jdbc;

	SigningKeyRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	record StoredKey(String kid, String privateKey, String publicKey) {
	}

	/** Serialises key creation across instances for the rest of the transaction. */
	void lockForCreation() {
		this.jdbc.sql("SELECT pg_advisory_xact_lock(hashtext('cotalk.auth.signing_keys'))").query().singleRow();
	}

	/** Newest first. */
	List<StoredKey> findAll() {
		return this.jdbc.sql("SELECT kid, private_key, public_key FROM signing_keys ORDER BY created_at DESC")
			.query(StoredKey.class)
			.list();
	}

	void insert(StoredKey key) {
		this.jdbc.sql("INSERT INTO signing_keys (kid, private_key, public_key) VALUES (:kid, :privateKey, :publicKey)")
			.paramSource(key)
			.update();
	}

}
