package org.jinlin.accounts.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import lombok.RequiredArgsConstructor;
import org.jinlin.shared.Actor;
import org.jinlin.shared.Role;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
@RequiredArgsConstructor
public class AccountRepository {

	private final JdbcClient jdbc;

	public Optional<AccountPrincipal> findPrincipal(String username) {
		return jdbc.sql("""
				SELECT id, username, password_hash, display_name, roles, territory_id, territory_path, resident_id, enabled
				FROM account WHERE username = ?""").param(username).query(AccountRepository::principal).optional();
	}

	public long count() {
		return jdbc.sql("SELECT COUNT(*) FROM account").query(Long.class).single();
	}

	public boolean exists(String username) {
		return jdbc.sql("SELECT COUNT(*) FROM account WHERE username = ?").param(username).query(Long.class).single() > 0;
	}

	public long insert(String username, String passwordHash, String displayName, Set<Role> roles, long territoryId,
			String territoryPath) {
		OffsetDateTime now = OffsetDateTime.now();
		var keys = new org.springframework.jdbc.support.GeneratedKeyHolder();
		jdbc.sql("""
				INSERT INTO account (username, password_hash, display_name, roles, territory_id, territory_path,
				  created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)""")
			.params(username, passwordHash, displayName, rolesText(roles), territoryId, territoryPath, now, now)
			.update(keys, "id");
		return keys.getKey().longValue();
	}

	/** An account row for administration; never leaves the module. */
	public record AccountRow(long id, String username, String displayName, Set<Role> roles, long territoryId,
			String territoryPath, boolean enabled) {
	}

	/** Sign-in throttling replaced the per-account lock-out: failed_attempts and locked_until are no longer used. */
	private static final String ROW_COLUMNS = "id, username, display_name, roles, territory_id, territory_path, enabled";

	public List<AccountRow> listUnder(String likePattern) {
		return jdbc.sql("SELECT " + ROW_COLUMNS + " FROM account WHERE territory_path LIKE ? ORDER BY territory_path, username")
			.param(likePattern).query(AccountRepository::row).list();
	}

	public Optional<AccountRow> find(String username) {
		return jdbc.sql("SELECT " + ROW_COLUMNS + " FROM account WHERE username = ?").param(username)
			.query(AccountRepository::row).optional();
	}

	/** The account's own language and 长辈模式 (either null when never chosen). */
	public Optional<org.jinlin.shared.web.UiPreferenceStore.Stored> preferences(long id) {
		return jdbc.sql("SELECT preferred_language, age_friendly FROM account WHERE id = ?").param(id)
			.query((rs, n) -> new org.jinlin.shared.web.UiPreferenceStore.Stored(rs.getString(1),
					rs.getObject(2, Boolean.class)))
			.optional();
	}

	/** Preferences are the account's own choice: neither the version nor updated_at of its administration changes. */
	public void savePreferredLanguage(long id, String languageTag) {
		jdbc.sql("UPDATE account SET preferred_language = ? WHERE id = ?").params(languageTag, id).update();
	}

	public void saveAgeFriendly(long id, boolean on) {
		jdbc.sql("UPDATE account SET age_friendly = ? WHERE id = ?").params(on, id).update();
	}

	public boolean administratorExists() {
		return jdbc.sql("SELECT COUNT(*) FROM account WHERE roles LIKE '%ADMINISTRATOR%'").query(Long.class).single() > 0;
	}

	public void updatePermissions(long id, Set<Role> roles, long territoryId, String territoryPath) {
		jdbc.sql("UPDATE account SET roles = ?, territory_id = ?, territory_path = ?, updated_at = ?, version = version + 1 WHERE id = ?")
			.params(rolesText(roles), territoryId, territoryPath, OffsetDateTime.now(), id).update();
	}

	public void setEnabled(long id, boolean enabled) {
		jdbc.sql("UPDATE account SET enabled = ?, updated_at = ?, version = version + 1 WHERE id = ?")
			.params(enabled, OffsetDateTime.now(), id).update();
	}

	/** Links an account that has no resident yet to a resident record; an account already linked keeps its link. */
	public void linkResident(String username, long residentId) {
		jdbc.sql("""
				UPDATE account SET resident_id = ?, updated_at = ?, version = version + 1
				WHERE username = ? AND resident_id IS NULL""")
			.params(residentId, OffsetDateTime.now(), username)
			.update();
	}

	/** Creates a resident's account, linked to her record, with her phone (encrypted, or {@code null}). */
	public long insertResident(String username, String passwordHash, String displayName, long territoryId,
			String territoryPath, long residentId, String phoneCipher, String phoneIndex) {
		long id = insert(username, passwordHash, displayName, java.util.EnumSet.of(Role.RESIDENT), territoryId, territoryPath);
		jdbc.sql("UPDATE account SET resident_id = ?, phone_cipher = ?, phone_index = ? WHERE id = ?")
			.params(residentId, phoneCipher, phoneIndex, id).update();
		return id;
	}

	/** The account whose phone has this blind index. */
	public Optional<AccountRow> findByPhoneIndex(String phoneIndex) {
		return jdbc.sql("SELECT " + ROW_COLUMNS + " FROM account WHERE phone_index = ?").param(phoneIndex)
			.query(AccountRepository::row).optional();
	}

	/** The account linked to this resident record. */
	public Optional<AccountRow> findByResident(long residentId) {
		return jdbc.sql("SELECT " + ROW_COLUMNS + " FROM account WHERE resident_id = ? ORDER BY id").param(residentId)
			.query(AccountRepository::row).list().stream().findFirst();
	}

	public Optional<AccountRow> findById(long id) {
		return jdbc.sql("SELECT " + ROW_COLUMNS + " FROM account WHERE id = ?").param(id)
			.query(AccountRepository::row).optional();
	}

	/** Which of these resident records are already linked to an account. */
	public List<Long> linkedResidents(java.util.Collection<Long> residentIds) {
		if (residentIds.isEmpty()) {
			return List.of();
		}
		return jdbc.sql("SELECT resident_id FROM account WHERE resident_id IN (:ids)").param("ids", residentIds)
			.query(Long.class).list();
	}

	/** Sets a new password hash. */
	public void setPassword(long id, String passwordHash) {
		jdbc.sql("""
				UPDATE account SET password_hash = ?, updated_at = ?, version = version + 1 WHERE id = ?""")
			.params(passwordHash, OffsetDateTime.now(), id).update();
	}

	private static AccountRow row(ResultSet rs, int i) throws SQLException {
		return new AccountRow(rs.getLong("id"), rs.getString("username"), rs.getString("display_name"),
				roles(rs.getString("roles")), rs.getLong("territory_id"), rs.getString("territory_path"),
				rs.getBoolean("enabled"));
	}

	public static String rolesText(Set<Role> roles) {
		return roles.stream().map(Role::name).sorted().collect(Collectors.joining(","));
	}

	static Set<Role> roles(String text) {
		Set<Role> set = EnumSet.noneOf(Role.class);
		Arrays.stream(text.split(",")).map(String::trim).filter(s -> !s.isEmpty()).map(Role::valueOf).forEach(set::add);
		return set;
	}

	private static AccountPrincipal principal(ResultSet rs, int row) throws SQLException {
		Actor actor = new Actor(rs.getLong("id"), rs.getString("username"), roles(rs.getString("roles")),
				rs.getLong("territory_id"), rs.getString("territory_path"), rs.getObject("resident_id", Long.class), null);
		return new AccountPrincipal(actor, rs.getString("display_name"), rs.getString("password_hash"),
				rs.getBoolean("enabled"));
	}
}
