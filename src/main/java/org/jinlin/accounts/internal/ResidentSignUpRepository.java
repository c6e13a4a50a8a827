package org.jinlin.accounts.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

import lombok.RequiredArgsConstructor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The SQL of {@code resident_sign_up}: sign-ups waiting for (or decided by) a community worker. */
@Repository
@RequiredArgsConstructor
public class ResidentSignUpRepository {

	private final JdbcClient jdbc;

	private static final String COLUMNS = """
			id, status, name, id_suffix_cipher, id_suffix_masked, phone_cipher, phone_index, phone_masked, password_hash,
			community_id, territory_path, requested_at, decided_at, decided_by, resident_id, username""";

	/** A stored sign-up; the phone and ID suffix still encrypted. */
	public record Stored(long id, String status, String name, String idSuffixCipher, String idSuffixMasked,
			String phoneCipher, String phoneIndex, String phoneMasked, String passwordHash, long communityId,
			String territoryPath, Instant requestedAt, Instant decidedAt, String decidedBy, Long residentId,
			String username) {

		@Override
		public String toString() {
			return "SignUp[id=" + id + ", status=" + status + "]";
		}
	}

	public long insert(String name, String idSuffixCipher, String idSuffixMasked, String phoneCipher, String phoneIndex,
			String phoneMasked, String passwordHash, long communityId, String territoryPath) {
		var keys = new org.springframework.jdbc.support.GeneratedKeyHolder();
		jdbc.sql("""
				INSERT INTO resident_sign_up (name, id_suffix_cipher, id_suffix_masked, phone_cipher, phone_index,
				  phone_masked, password_hash, community_id, territory_path, requested_at)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
			.params(name, idSuffixCipher, idSuffixMasked, phoneCipher, phoneIndex, phoneMasked, passwordHash, communityId,
					territoryPath, OffsetDateTime.now())
			.update(keys, "id");
		return keys.getKey().longValue();
	}

	public Optional<Stored> find(long id) {
		return jdbc.sql("SELECT " + COLUMNS + " FROM resident_sign_up WHERE id = ?").param(id)
			.query(ResidentSignUpRepository::map).optional();
	}

	public List<Stored> pendingUnder(String likePattern, long offset, int limit) {
		return jdbc.sql("SELECT " + COLUMNS + """
				 FROM resident_sign_up WHERE status = 'PENDING' AND territory_path LIKE ?
				ORDER BY requested_at, id LIMIT ? OFFSET ?""").params(likePattern, limit, offset)
			.query(ResidentSignUpRepository::map).list();
	}

	public long countPendingUnder(String likePattern) {
		return jdbc.sql("SELECT COUNT(*) FROM resident_sign_up WHERE status = 'PENDING' AND territory_path LIKE ?")
			.param(likePattern).query(Long.class).single();
	}

	/** Whether a sign-up of this phone is still waiting. */
	public boolean pendingForPhone(String phoneIndex) {
		return jdbc.sql("SELECT COUNT(*) FROM resident_sign_up WHERE status = 'PENDING' AND phone_index = ?")
			.param(phoneIndex).query(Long.class).single() > 0;
	}

	/** Decides a waiting sign-up; false if it was decided meanwhile. */
	public boolean decide(long id, String status, String by, Long residentId, String username) {
		boolean decided = jdbc.sql("""
				UPDATE resident_sign_up SET status = ?, decided_at = ?, decided_by = ?, resident_id = ?, username = ?
				WHERE id = ? AND status = 'PENDING'""")
			.params(status, OffsetDateTime.now(), by, residentId, username, id).update() == 1;
		if (decided) {
			// the chosen password's hash is kept only until the decision (a confirmed account has its own copy)
			jdbc.sql("UPDATE resident_sign_up SET password_hash = '-' WHERE id = ?").param(id).update();
		}
		return decided;
	}

	private static Stored map(ResultSet rs, int n) throws SQLException {
		OffsetDateTime decided = rs.getObject("decided_at", OffsetDateTime.class);
		return new Stored(rs.getLong("id"), rs.getString("status"), rs.getString("name"), rs.getString("id_suffix_cipher"),
				rs.getString("id_suffix_masked"), rs.getString("phone_cipher"), rs.getString("phone_index"),
				rs.getString("phone_masked"), rs.getString("password_hash"), rs.getLong("community_id"),
				rs.getString("territory_path"), rs.getObject("requested_at", OffsetDateTime.class).toInstant(),
				decided == null ? null : decided.toInstant(), rs.getString("decided_by"),
				rs.getObject("resident_id", Long.class), rs.getString("username"));
	}
}
