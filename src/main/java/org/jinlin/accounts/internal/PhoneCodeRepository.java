package org.jinlin.accounts.internal;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import lombok.RequiredArgsConstructor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The SQL of {@code phone_code}: one row per code asked for, by purpose, phone (blind index) and source address. */
@Repository
@RequiredArgsConstructor
public class PhoneCodeRepository {

	private final JdbcClient jdbc;

	/** The latest code of a phone for a purpose. */
	public record Latest(long id, PhoneCodeRules.StoredCode code) {
	}

	public void insert(String purpose, String phoneIndex, String source, String codeHash, Instant now, Instant expires) {
		jdbc.sql("""
				INSERT INTO phone_code (purpose, phone_index, source, code_hash, created_at, expires_at)
				VALUES (?, ?, ?, ?, ?, ?)""")
			.params(purpose, phoneIndex, source, codeHash, at(now), at(expires)).update();
	}

	public List<Instant> sentToPhoneSince(String phoneIndex, Instant since) {
		return jdbc.sql("SELECT created_at FROM phone_code WHERE phone_index = ? AND created_at >= ? ORDER BY created_at")
			.params(phoneIndex, at(since)).query((rs, n) -> rs.getObject(1, OffsetDateTime.class).toInstant()).list();
	}

	public List<Instant> askedFromSourceSince(String source, Instant since) {
		return jdbc.sql("SELECT created_at FROM phone_code WHERE source = ? AND created_at >= ? ORDER BY created_at")
			.params(source, at(since)).query((rs, n) -> rs.getObject(1, OffsetDateTime.class).toInstant()).list();
	}

	public Optional<Latest> latest(String purpose, String phoneIndex) {
		return jdbc.sql("""
				SELECT id, code_hash, expires_at, tries, used_at FROM phone_code
				WHERE purpose = ? AND phone_index = ? ORDER BY id DESC LIMIT 1""")
			.params(purpose, phoneIndex)
			.query((rs, n) -> new Latest(rs.getLong(1), new PhoneCodeRules.StoredCode(rs.getString(2),
					rs.getObject(3, OffsetDateTime.class).toInstant(), rs.getInt(4),
					rs.getObject(5, OffsetDateTime.class) == null ? null : rs.getObject(5, OffsetDateTime.class).toInstant())))
			.optional();
	}

	public void countTry(long id) {
		jdbc.sql("UPDATE phone_code SET tries = tries + 1 WHERE id = ?").param(id).update();
	}

	/** Marks the code used; false if another request used it first. */
	public boolean use(long id, Instant now) {
		return jdbc.sql("UPDATE phone_code SET used_at = ?, tries = tries + 1 WHERE id = ? AND used_at IS NULL")
			.params(at(now), id).update() == 1;
	}

	/** Forgets codes past their hour (they no longer count for throttling). */
	public void deleteOlderThan(Instant before) {
		jdbc.sql("DELETE FROM phone_code WHERE created_at < ?").param(at(before)).update();
	}

	private static OffsetDateTime at(Instant i) {
		return i.atOffset(ZoneOffset.UTC);
	}
}
