package org.jinlin.accounts.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import lombok.RequiredArgsConstructor;
import org.jinlin.accounts.ApiKeyPurpose;
import org.jinlin.shared.Actor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** Plain JDBC access to {@code api_key}: keys are stored as SHA-256 hashes with a short prefix to recognize them. */
@Repository
@RequiredArgsConstructor
public class ApiKeyRepository {

	private static final SecureRandom RANDOM = new SecureRandom();

	private final JdbcClient jdbc;

	/** The actor of a valid, unrevoked key. */
	public Optional<Actor> authenticate(String plainKey) {
		return jdbc.sql("SELECT id, name, purpose, territory_id, territory_path FROM api_key WHERE key_hash = ? AND revoked_at IS NULL")
			.param(hash(plainKey))
			.query((rs, i) -> new Actor(null, "apikey:" + rs.getString("name"), Set.of(), rs.getLong("territory_id"),
					rs.getString("territory_path"), null, rs.getString("purpose")))
			.optional();
	}

	/** Inserts a key and returns its id and plain value. */
	public IssuedApiKey insert(String name, ApiKeyPurpose purpose, long territoryId, String territoryPath, String createdBy,
			String plainKey) {
		String key = plainKey != null ? plainKey : randomKey();
		var keys = new GeneratedKeyHolder();
		jdbc.sql("""
				INSERT INTO api_key (name, key_hash, key_prefix, purpose, territory_id, territory_path, created_by, created_at)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?)""")
			.params(name, hash(key), prefix(key), purpose.name(), territoryId, territoryPath, createdBy,
					OffsetDateTime.now())
			.update(keys, "id");
		return new IssuedApiKey(keys.getKey().longValue(), name, key);
	}

	/** A stored key, for administration: never the hash. */
	public record KeyRow(long id, String name, String prefix, ApiKeyPurpose purpose, long territoryId, String territoryPath,
			String createdBy, Instant createdAt, Instant revokedAt) {
	}

	private static final String ROW_COLUMNS = "id, name, key_prefix, purpose, territory_id, territory_path, created_by, created_at, revoked_at";

	public List<KeyRow> listUnder(String likePattern) {
		return jdbc.sql("SELECT " + ROW_COLUMNS + " FROM api_key WHERE territory_path LIKE ? ORDER BY created_at DESC, id DESC")
			.param(likePattern).query(ApiKeyRepository::row).list();
	}

	public Optional<KeyRow> find(long id) {
		return jdbc.sql("SELECT " + ROW_COLUMNS + " FROM api_key WHERE id = ?").param(id).query(ApiKeyRepository::row).optional();
	}

	public boolean nameInUse(String name) {
		return jdbc.sql("SELECT COUNT(*) FROM api_key WHERE name = ? AND revoked_at IS NULL").param(name)
			.query(Long.class).single() > 0;
	}

	/** Revokes a key; false if it was already revoked. */
	public boolean revoke(long id) {
		return jdbc.sql("UPDATE api_key SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL")
			.params(OffsetDateTime.now(), id).update() > 0;
	}

	private static KeyRow row(ResultSet rs, int i) throws SQLException {
		OffsetDateTime revoked = rs.getObject("revoked_at", OffsetDateTime.class);
		return new KeyRow(rs.getLong("id"), rs.getString("name"), rs.getString("key_prefix"),
				ApiKeyPurpose.valueOf(rs.getString("purpose")), rs.getLong("territory_id"), rs.getString("territory_path"),
				rs.getString("created_by"), rs.getObject("created_at", OffsetDateTime.class).toInstant(),
				revoked == null ? null : revoked.toInstant());
	}

	static String prefix(String key) {
		return key.substring(0, Math.min(8, key.length()));
	}

	static String randomKey() {
		byte[] bytes = new byte[24];
		RANDOM.nextBytes(bytes);
		return "jl_" + HexFormat.of().formatHex(bytes);
	}

	public static String hash(String key) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException(e);
		}
	}
}
