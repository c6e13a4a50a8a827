package org.jinlin.accounts;

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

import org.jinlin.shared.Actor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.Authentication;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * API keys for integrations and devices: scoped to one territory node and one purpose,
 * stored hashed; the plain key is shown once, when issued. Administration goes through
 * {@link AccountManagement}.
 */
@Service
public class ApiKeys {

	private static final SecureRandom RANDOM = new SecureRandom();

	private final JdbcClient jdbc;

	ApiKeys(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** The actor of a valid, unrevoked key. */
	@Transactional(readOnly = true)
	public Optional<Actor> authenticate(String plainKey) {
		return jdbc.sql("SELECT id, name, purpose, territory_id, territory_path FROM api_key WHERE key_hash = ? AND revoked_at IS NULL")
			.param(hash(plainKey))
			.query((rs, i) -> new Actor(null, "apikey:" + rs.getString("name"), Set.of(), rs.getLong("territory_id"),
					rs.getString("territory_path"), null, rs.getString("purpose")))
			.optional();
	}

	/**
	 * A valid, unrevoked key as a Spring Security authentication carrying its {@link Actor}: for endpoints
	 * that take the key as a request parameter (Open311's {@code api_key}) instead of the {@code X-Api-Key}
	 * header, to act as the key for one call.
	 */
	@Transactional(readOnly = true)
	public Optional<Authentication> authentication(String plainKey) {
		if (plainKey == null || plainKey.isBlank()) {
			return Optional.empty();
		}
		return authenticate(plainKey).map(ApiKeyAuthenticationFilter.ApiKeyAuthentication::new);
	}

	/** Issues a key with a known plain value (demo data, tests) or a random one when {@code plainKey} is null. */
	@Transactional
	String issue(String name, ApiKeyPurpose purpose, long territoryId, String territoryPath, String createdBy,
			String plainKey) {
		return insert(name, purpose, territoryId, territoryPath, createdBy, plainKey).key();
	}

	/** Inserts a key and returns its id and plain value. */
	IssuedApiKey insert(String name, ApiKeyPurpose purpose, long territoryId, String territoryPath, String createdBy,
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
	record KeyRow(long id, String name, String prefix, ApiKeyPurpose purpose, long territoryId, String territoryPath,
			String createdBy, Instant createdAt, Instant revokedAt) {
	}

	private static final String ROW_COLUMNS = "id, name, key_prefix, purpose, territory_id, territory_path, created_by, created_at, revoked_at";

	List<KeyRow> listUnder(String likePattern) {
		return jdbc.sql("SELECT " + ROW_COLUMNS + " FROM api_key WHERE territory_path LIKE ? ORDER BY created_at DESC, id DESC")
			.param(likePattern).query(ApiKeys::row).list();
	}

	Optional<KeyRow> find(long id) {
		return jdbc.sql("SELECT " + ROW_COLUMNS + " FROM api_key WHERE id = ?").param(id).query(ApiKeys::row).optional();
	}

	boolean nameInUse(String name) {
		return jdbc.sql("SELECT COUNT(*) FROM api_key WHERE name = ? AND revoked_at IS NULL").param(name)
			.query(Long.class).single() > 0;
	}

	/** Revokes a key; false if it was already revoked. */
	boolean revoke(long id) {
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

	static String hash(String key) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException(e);
		}
	}
}
