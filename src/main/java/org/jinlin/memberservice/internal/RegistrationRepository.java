package org.jinlin.memberservice.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

import lombok.RequiredArgsConstructor;
import org.jinlin.shared.Actor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/**
 * The SQL of registrations (双报到): a member's or a unit's registration with a community. One active registration
 * per person (or unit name) and community: the unique {@code active_key} holds it.
 */
@Repository
@RequiredArgsConstructor
public class RegistrationRepository {

	/** A registration as stored (the phone only masked here; its cipher stays in the table). */
	public record StoredRegistration(long id, String kind, String personKey, String username, String displayName,
			String employer, String contactName, Integer headcount, long communityId, String territoryPath,
			String skills, String categories, String availability, String phoneMasked, String status,
			Instant registeredAt, Instant withdrawnAt) {

		boolean own(Actor actor) {
			return username != null && username.equals(actor.name());
		}

		boolean active() {
			return "ACTIVE".equals(status);
		}
	}

	/** A new registration's row. */
	public record NewRegistration(String kind, String personKey, String username, String displayName, String employer,
			String contactName, Integer headcount, long communityId, String territoryPath, String skills,
			String categories, String availability, String phoneEncrypted, String phoneMasked, String status,
			String activeKey, OffsetDateTime registeredAt, String registeredBy, OffsetDateTime withdrawnAt) {
	}

	private final JdbcClient jdbc;

	boolean activeKeyTaken(String activeKey) {
		return jdbc.sql("SELECT COUNT(*) FROM ms_registration WHERE active_key = ?").param(activeKey).query(Long.class)
			.single() > 0;
	}

	/** Inserts the row and returns its id; a taken active key is a {@code DuplicateKeyException}. */
	public long insert(NewRegistration r) {
		var keys = new GeneratedKeyHolder();
		jdbc.sql("""
				INSERT INTO ms_registration (kind, person_key, username, display_name, employer, contact_name,
				  headcount, community_id, territory_path, skills, categories, availability, phone_enc, phone_masked,
				  status, active_key, registered_at, registered_by, withdrawn_at)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
			.params(r.kind(), r.personKey(), r.username(), r.displayName(), r.employer(), r.contactName(), r.headcount(),
					r.communityId(), r.territoryPath(), r.skills(), r.categories(), r.availability(), r.phoneEncrypted(),
					r.phoneMasked(), r.status(), r.activeKey(), r.registeredAt(), r.registeredBy(), r.withdrawnAt())
			.update(keys, "id");
		return keys.getKeyAs(Number.class).longValue();
	}

	public void setPersonKey(long id, String personKey) {
		jdbc.sql("UPDATE ms_registration SET person_key = ? WHERE id = ?").params(personKey, id).update();
	}

	/** Sets the keys an imported registration is known and held unique by. */
	public void setKeys(long id, String personKey, String activeKey) {
		jdbc.sql("UPDATE ms_registration SET person_key = ?, active_key = ? WHERE id = ?").params(personKey, activeKey, id)
			.update();
	}

	void withdraw(long id, OffsetDateTime at) {
		jdbc.sql("""
				UPDATE ms_registration SET status = 'WITHDRAWN', active_key = NULL, withdrawn_at = ?, version = version + 1
				WHERE id = ? AND status = 'ACTIVE'""").params(at, id).update();
	}

	Optional<StoredRegistration> find(long id) {
		return jdbc.sql("SELECT * FROM ms_registration WHERE id = ?").param(id).query(RegistrationRepository::stored)
			.optional();
	}

	Optional<StoredRegistration> findActive(String personKey, long communityId) {
		return jdbc.sql("SELECT * FROM ms_registration WHERE active_key = ?").param(personKey + "@" + communityId)
			.query(RegistrationRepository::stored).optional();
	}

	List<StoredRegistration> under(String pathPattern, boolean activeOnly) {
		return jdbc.sql("SELECT * FROM ms_registration WHERE territory_path LIKE ?"
				+ (activeOnly ? " AND status = 'ACTIVE'" : "") + " ORDER BY registered_at DESC, id DESC")
			.param(pathPattern).query(RegistrationRepository::stored).list();
	}

	List<StoredRegistration> ofUser(String username) {
		return jdbc.sql("SELECT * FROM ms_registration WHERE username = ? ORDER BY status, registered_at DESC")
			.param(username).query(RegistrationRepository::stored).list();
	}

	/** The communities the user is actively registered with. */
	List<Long> activeCommunityIds(String username) {
		return jdbc.sql("SELECT community_id FROM ms_registration WHERE username = ? AND status = 'ACTIVE'")
			.param(username).query(Long.class).list();
	}

	/** A member's registration as the registrations indicator counts it. */
	public record RegisteredRow(long id, String displayName, long communityId, OffsetDateTime registeredAt) {
	}

	/** The members' (not units') registrations under the path standing at {@code at}: made before, not withdrawn by then. */
	public List<RegisteredRow> membersStandingAt(String path, OffsetDateTime at) {
		return jdbc.sql("""
				SELECT id, display_name, community_id, registered_at FROM ms_registration
				WHERE kind = 'MEMBER' AND territory_path LIKE ? AND registered_at < ?
				  AND (withdrawn_at IS NULL OR withdrawn_at >= ?) ORDER BY registered_at, id""")
			.params(path + "%", at, at)
			.query((rs, n) -> new RegisteredRow(rs.getLong(1), rs.getString(2), rs.getLong(3),
					rs.getObject(4, OffsetDateTime.class)))
			.list();
	}

	long countActive(String kind, String pathPattern) {
		return jdbc.sql("SELECT COUNT(*) FROM ms_registration WHERE status = 'ACTIVE' AND kind = ? AND territory_path LIKE ?")
			.params(kind, pathPattern).query(Long.class).single();
	}

	static StoredRegistration stored(ResultSet rs, int n) throws SQLException {
		return new StoredRegistration(rs.getLong("id"), rs.getString("kind"), rs.getString("person_key"),
				rs.getString("username"), rs.getString("display_name"), rs.getString("employer"),
				rs.getString("contact_name"), (Integer) rs.getObject("headcount", Integer.class), rs.getLong("community_id"),
				rs.getString("territory_path"), rs.getString("skills"), rs.getString("categories"),
				rs.getString("availability"), rs.getString("phone_masked"), rs.getString("status"),
				instant(rs, "registered_at"), instant(rs, "withdrawn_at"));
	}

	static Instant instant(ResultSet rs, String column) throws SQLException {
		OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
		return t == null ? null : t.toInstant();
	}
}
