package com.cotalk.auth.session;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class RefreshTokenRepository {

	private final JdbcClient jdbc;

	RefreshTokenRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	record StoredToken(UUID familyId, UUID accountId, Instant expiresAt, @Nullable Instant usedAt,
			@Nullable Instant revokedAt) {
	}

	void insert(byte[] hash, UUID familyId, UUID accountId, Instant issuedAt, Instant expiresAt) {
		this.jdbc.sql("""
				INSERT INTO refresh_tokens (token_hash, family_id, account_id, issued_at, expires_at)
				VALUES (:hash, :family, :account, :issued, :expires)""")
			.param("hash", hash)
			.param("family", familyId)
			.param("account", accountId)
			.param("issued", utc(issuedAt))
			.param("expires", utc(expiresAt))
			.update();
	}

	/** Locks the row, so that two refreshes with one token cannot both succeed. */
	Optional<StoredToken> findForUpdate(byte[] hash) {
		return this.jdbc.sql("""
				SELECT family_id, account_id, expires_at, used_at, revoked_at
				FROM refresh_tokens WHERE token_hash = :hash FOR UPDATE""")
			.param("hash", hash)
			.query((rs, row) -> new StoredToken(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class),
					instant(rs.getObject(3, OffsetDateTime.class)), instant(rs.getObject(4, OffsetDateTime.class)),
					instant(rs.getObject(5, OffsetDateTime.class))))
			.optional();
	}

	void markUsed(byte[] hash, Instant at) {
		this.jdbc.sql("UPDATE refresh_tokens SET used_at = :at WHERE token_hash = :hash")
			.param("at", utc(at))
			.param("hash", hash)
			.update();
	}

	void revokeFamily(UUID familyId, Instant at) {
		this.jdbc.sql("UPDATE refresh_tokens SET revoked_at = :at WHERE family_id = :family AND revoked_at IS NULL")
			.param("at", utc(at))
			.param("family", familyId)
			.update();
	}

	/**
	 * Expired tokens serve no purpose, not even reuse detection: a reused expired token
	 * is refused anyway.
	 */
	int deleteExpiredBefore(Instant cutoff) {
		return this.jdbc.sql("DELETE FROM refresh_tokens WHERE expires_at < :cutoff")
			.param("cutoff", utc(cutoff))
			.update();
	}

	private static OffsetDateTime utc(Instant instant) {
		return instant.atOffset(ZoneOffset.UTC);
	}

	@SuppressWarnings("NullAway")
	private static Instant instant(@Nullable OffsetDateTime value) {
		return (value != null) ? value.toInstant() : null;
	}

}
