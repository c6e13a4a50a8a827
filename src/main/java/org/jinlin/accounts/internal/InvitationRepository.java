package org.jinlin.accounts.internal;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;

import lombok.RequiredArgsConstructor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The SQL of {@code account_invitation}: one-time links to set a password, kept as the token's SHA-256. */
@Repository
@RequiredArgsConstructor
public class InvitationRepository {

	private final JdbcClient jdbc;

	/** An invitation still open: not used, not expired. */
	public record Open(long id, long accountId, String territoryPath, Instant expiresAt) {
	}

	public void insert(long accountId, String tokenHash, String territoryPath, String issuedBy, Instant expiresAt) {
		jdbc.sql("""
				INSERT INTO account_invitation (account_id, token_hash, territory_path, issued_by, issued_at, expires_at)
				VALUES (?, ?, ?, ?, ?, ?)""")
			.params(accountId, tokenHash, territoryPath, issuedBy, OffsetDateTime.now(), expiresAt.atOffset(ZoneOffset.UTC))
			.update();
	}

	public Optional<Open> findOpen(String tokenHash, Instant now) {
		return jdbc.sql("""
				SELECT id, account_id, territory_path, expires_at FROM account_invitation
				WHERE token_hash = ? AND used_at IS NULL AND expires_at > ?""")
			.params(tokenHash, now.atOffset(ZoneOffset.UTC))
			.query((rs, n) -> new Open(rs.getLong(1), rs.getLong(2), rs.getString(3),
					rs.getObject(4, OffsetDateTime.class).toInstant()))
			.optional();
	}

	/** Uses the invitation; false if it was used meanwhile. */
	public boolean use(long id) {
		return jdbc.sql("UPDATE account_invitation SET used_at = ? WHERE id = ? AND used_at IS NULL")
			.params(OffsetDateTime.now(), id).update() == 1;
	}

	/** Earlier open invitations of the account stop working when a new one is issued. */
	public void closeOpen(long accountId) {
		jdbc.sql("UPDATE account_invitation SET used_at = ? WHERE account_id = ? AND used_at IS NULL")
			.params(OffsetDateTime.now(), accountId).update();
	}
}
