package org.jinlin.accounts;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.OffsetDateTime;
import java.util.HexFormat;
import java.util.Optional;
import java.util.Set;

import org.jinlin.shared.Actor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * API keys for integrations and devices: scoped to one territory node and one purpose,
 * stored hashed; the plain key is shown once, when issued.
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

	/** Issues a key with a known plain value (demo data, tests) or a random one when {@code plainKey} is null. */
	@Transactional
	String issue(String name, ApiKeyPurpose purpose, long territoryId, String territoryPath, String createdBy,
			String plainKey) {
		String key = plainKey != null ? plainKey : randomKey();
		jdbc.sql("""
				INSERT INTO api_key (name, key_hash, purpose, territory_id, territory_path, created_by, created_at)
				VALUES (?, ?, ?, ?, ?, ?, ?)""")
			.params(name, hash(key), purpose.name(), territoryId, territoryPath, createdBy, OffsetDateTime.now())
			.update();
		return key;
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
