package org.jinlin.eldercare.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import lombok.RequiredArgsConstructor;
import org.jinlin.eldercare.CarerRole;
import org.jinlin.eldercare.DeviceKind;
import org.jinlin.eldercare.LivingSituation;
import org.jinlin.eldercare.Mobility;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** The eldercare tables, with plain SQL (H2 in PostgreSQL mode and PostgreSQL). */
@Repository
@RequiredArgsConstructor
public class ElderRepository {

	static final String COLUMNS = "e.id, e.resident_id, e.name, e.gender, e.birth_date, e.building_id, e.community_id, "
			+ "e.community_code, e.territory_path, e.address_label, e.living_situation, e.mobility, e.conditions_cipher, "
			+ "e.medicines_cipher, e.allergies_cipher, e.door_access_cipher, e.ability_level, e.risk_level, "
			+ "e.last_assessed_on, e.reassessment_due, e.last_visit_at, e.next_visit_due, e.status, e.version";

	private final JdbcClient jdbc;

	private final NamedParameterJdbcTemplate named;

	/** An elder row as stored (health and door notes still encrypted). */
	record Stored(long id, long residentId, String name, String gender, LocalDate birthDate, long buildingId,
			long communityId, String communityCode, String territoryPath, String addressLabel,
			LivingSituation livingSituation, Mobility mobility, String conditionsCipher, String medicinesCipher,
			String allergiesCipher, String doorAccessCipher, Integer abilityLevel, RiskLevel riskLevel,
			LocalDate lastAssessedOn, LocalDate reassessmentDue, Instant lastVisitAt, LocalDate nextVisitDue,
			String status, int version) {

		boolean active() {
			return "ACTIVE".equals(status);
		}

		@Override
		public String toString() {
			return "Elder[id=" + id + "]";
		}
	}

	static Stored map(ResultSet rs, int row) throws SQLException {
		OffsetDateTime lastVisit = rs.getObject("last_visit_at", OffsetDateTime.class);
		return new Stored(rs.getLong("id"), rs.getLong("resident_id"), rs.getString("name"), rs.getString("gender"),
				rs.getObject("birth_date", LocalDate.class), rs.getLong("building_id"), rs.getLong("community_id"),
				rs.getString("community_code"), rs.getString("territory_path"), rs.getString("address_label"),
				LivingSituation.valueOf(rs.getString("living_situation")), Mobility.valueOf(rs.getString("mobility")),
				rs.getString("conditions_cipher"), rs.getString("medicines_cipher"), rs.getString("allergies_cipher"),
				rs.getString("door_access_cipher"), rs.getObject("ability_level", Integer.class),
				RiskLevel.valueOf(rs.getString("risk_level")), rs.getObject("last_assessed_on", LocalDate.class),
				rs.getObject("reassessment_due", LocalDate.class), lastVisit == null ? null : lastVisit.toInstant(),
				rs.getObject("next_visit_due", LocalDate.class), rs.getString("status"), rs.getInt("version"));
	}

	Optional<Stored> find(long id) {
		return jdbc.sql("SELECT " + COLUMNS + " FROM elder e WHERE e.id = ?").param(id).query(ElderRepository::map).optional();
	}

	Optional<Stored> findByResident(long residentId) {
		return jdbc.sql("SELECT " + COLUMNS + " FROM elder e WHERE e.resident_id = ?").param(residentId)
			.query(ElderRepository::map).optional();
	}

	Optional<Stored> findByDevice(String deviceId) {
		return jdbc.sql("SELECT " + COLUMNS + " FROM elder e JOIN elder_device d ON d.elder_id = e.id WHERE d.device_id = ?")
			.param(deviceId).query(ElderRepository::map).optional();
	}

	/** The profile fields copied from the resident register. */
	record Person(long residentId, String name, String gender, LocalDate birthDate, long buildingId, long communityId,
			String communityCode, String territoryPath, String addressLabel) {

		@Override
		public String toString() {
			return "Person[residentId=" + residentId + "]";
		}
	}

	/** Inserts a profile unless the resident has one; returns the new id, or empty if one existed. */
	Optional<Long> insertIfAbsent(Person p, LivingSituation living, RiskLevel risk, LocalDate nextVisitDue, String by,
			OffsetDateTime now) {
		if (findByResident(p.residentId()).isPresent()) {
			return Optional.empty();
		}
		GeneratedKeyHolder keys = new GeneratedKeyHolder();
		MapSqlParameterSource params = new MapSqlParameterSource().addValue("resident", p.residentId())
			.addValue("name", p.name()).addValue("gender", p.gender()).addValue("birth", p.birthDate())
			.addValue("building", p.buildingId()).addValue("community", p.communityId())
			.addValue("communityCode", p.communityCode()).addValue("path", p.territoryPath())
			.addValue("address", p.addressLabel()).addValue("living", living.name()).addValue("risk", risk.name())
			.addValue("next", nextVisitDue).addValue("by", by).addValue("now", now);
		named.update("""
				INSERT INTO elder (resident_id, name, gender, birth_date, building_id, community_id, community_code,
				  territory_path, address_label, living_situation, risk_level, next_visit_due, created_at, created_by,
				  updated_at, updated_by)
				VALUES (:resident, :name, :gender, :birth, :building, :community, :communityCode, :path, :address,
				  :living, :risk, :next, :now, :by, :now, :by)""", params, keys, new String[] { "id" });
		return Optional.of(keys.getKey().longValue());
	}

	/** Refreshes the copied resident fields (name, birth date, place) and reactivates. */
	void updatePerson(long elderId, Person p, String by, OffsetDateTime now) {
		jdbc.sql("""
				UPDATE elder SET name = ?, gender = ?, birth_date = ?, building_id = ?, community_id = ?, community_code = ?,
				  territory_path = ?, address_label = ?, status = 'ACTIVE', updated_at = ?, updated_by = ?, version = version + 1
				WHERE id = ?""")
			.params(p.name(), p.gender(), p.birthDate(), p.buildingId(), p.communityId(), p.communityCode(),
					p.territoryPath(), p.addressLabel(), now, by, elderId)
			.update();
	}

	void setStatus(long elderId, String status, String by, OffsetDateTime now) {
		jdbc.sql("UPDATE elder SET status = ?, updated_at = ?, updated_by = ?, version = version + 1 WHERE id = ?")
			.params(status, now, by, elderId).update();
	}

	/** The care fields a worker edits. */
	void updateCare(long elderId, LivingSituation living, Mobility mobility, String conditions, String medicines,
			String allergies, String doorAccess, String by, OffsetDateTime now) {
		jdbc.sql("""
				UPDATE elder SET living_situation = ?, mobility = ?, conditions_cipher = ?, medicines_cipher = ?,
				  allergies_cipher = ?, door_access_cipher = ?, updated_at = ?, updated_by = ?, version = version + 1
				WHERE id = ?""")
			.params(living.name(), mobility.name(), conditions, medicines, allergies, doorAccess, now, by, elderId)
			.update();
	}

	void updateDerived(long elderId, Integer abilityLevel, RiskLevel risk, LocalDate lastAssessedOn,
			LocalDate reassessmentDue, LocalDate nextVisitDue) {
		jdbc.sql("""
				UPDATE elder SET ability_level = ?, risk_level = ?, last_assessed_on = ?, reassessment_due = ?,
				  next_visit_due = ? WHERE id = ?""")
			.params(abilityLevel, risk.name(), lastAssessedOn, reassessmentDue, nextVisitDue, elderId)
			.update();
	}

	void updateVisited(long elderId, OffsetDateTime lastVisitAt, LocalDate nextVisitDue) {
		jdbc.sql("UPDATE elder SET last_visit_at = ?, next_visit_due = ? WHERE id = ?")
			.params(lastVisitAt, nextVisitDue, elderId).update();
	}

	void setReassessmentDue(long elderId, LocalDate due) {
		jdbc.sql("UPDATE elder SET reassessment_due = ? WHERE id = ?").params(due, elderId).update();
	}

	// ------------------------------------------------------------------ contacts

	/** A contact as stored, phone encrypted. */
	record StoredContact(long id, int priority, String name, String relation, String phoneCipher, String phoneMasked,
			Long accountId) {
	}

	List<StoredContact> contacts(long elderId) {
		return jdbc.sql("""
				SELECT id, priority, name, relation, phone_cipher, phone_masked, account_id FROM elder_contact
				WHERE elder_id = ? ORDER BY priority""")
			.param(elderId)
			.query((rs, i) -> new StoredContact(rs.getLong("id"), rs.getInt("priority"), rs.getString("name"),
					rs.getString("relation"), rs.getString("phone_cipher"), rs.getString("phone_masked"),
					(Long) rs.getObject("account_id", Long.class)))
			.list();
	}

	void replaceContacts(long elderId, List<StoredContact> contacts) {
		jdbc.sql("DELETE FROM elder_contact WHERE elder_id = ?").param(elderId).update();
		for (StoredContact c : contacts) {
			jdbc.sql("""
					INSERT INTO elder_contact (elder_id, priority, name, relation, phone_cipher, phone_masked, account_id)
					VALUES (?, ?, ?, ?, ?, ?, ?)""")
				.params(elderId, c.priority(), c.name(), c.relation(), c.phoneCipher(), c.phoneMasked(), c.accountId())
				.update();
		}
	}

	// ------------------------------------------------------------------ devices

	record Device(long id, String deviceId, DeviceKind kind, Instant registeredAt, String registeredBy) {
	}

	List<Device> devices(long elderId) {
		return jdbc.sql("SELECT id, device_id, kind, registered_at, registered_by FROM elder_device WHERE elder_id = ? ORDER BY id")
			.param(elderId)
			.query((rs, i) -> new Device(rs.getLong("id"), rs.getString("device_id"), DeviceKind.valueOf(rs.getString("kind")),
					rs.getObject("registered_at", OffsetDateTime.class).toInstant(), rs.getString("registered_by")))
			.list();
	}

	boolean deviceExists(String deviceId) {
		return jdbc.sql("SELECT COUNT(*) FROM elder_device WHERE device_id = ?").param(deviceId).query(Long.class).single() > 0;
	}

	void insertDevice(long elderId, String deviceId, DeviceKind kind, String by, OffsetDateTime now) {
		jdbc.sql("INSERT INTO elder_device (elder_id, device_id, kind, registered_at, registered_by) VALUES (?, ?, ?, ?, ?)")
			.params(elderId, deviceId, kind.name(), now, by).update();
	}

	boolean deleteDevice(long elderId, long id) {
		return jdbc.sql("DELETE FROM elder_device WHERE elder_id = ? AND id = ?").params(elderId, id).update() == 1;
	}

	// ------------------------------------------------------------------ care circle

	record Carer(CarerRole role, Long accountId, String username, String displayName) {
	}

	List<Carer> carers(long elderId) {
		return jdbc.sql("SELECT role, account_id, username, display_name FROM elder_carer WHERE elder_id = ? ORDER BY id")
			.param(elderId)
			.query((rs, i) -> new Carer(CarerRole.valueOf(rs.getString("role")), (Long) rs.getObject("account_id", Long.class),
					rs.getString("username"), rs.getString("display_name")))
			.list();
	}

	void assignCarer(long elderId, Carer c, String by, OffsetDateTime now) {
		jdbc.sql("DELETE FROM elder_carer WHERE elder_id = ? AND role = ?").params(elderId, c.role().name()).update();
		jdbc.sql("""
				INSERT INTO elder_carer (elder_id, role, account_id, username, display_name, assigned_at, assigned_by)
				VALUES (?, ?, ?, ?, ?, ?, ?)""")
			.params(elderId, c.role().name(), c.accountId(), c.username(), c.displayName(), now, by).update();
	}

	void removeCarer(long elderId, CarerRole role) {
		jdbc.sql("DELETE FROM elder_carer WHERE elder_id = ? AND role = ?").params(elderId, role.name()).update();
	}

	// ------------------------------------------------------------------ lists

	/** Which elders a list shows: those the caller may see, narrowed by subtree, risk and the start of the name. */
	record Filter(ElderAccess.Scope scope, String subtreePath, RiskLevel risk, String namePrefix) {
	}

	private static final String RISK_ORDER = "CASE e.risk_level WHEN 'VERY_HIGH' THEN 0 WHEN 'HIGH' THEN 1 WHEN 'MEDIUM' THEN 2 ELSE 3 END";

	private static void scope(ElderAccess.Scope scope, StringBuilder where, MapSqlParameterSource p) {
		if (scope.pathPattern() != null) {
			where.append(" AND e.territory_path LIKE :scopePath");
			p.addValue("scopePath", scope.pathPattern());
		}
		else {
			where.append(" AND e.id IN (SELECT c.elder_id FROM elder_carer c WHERE c.username = :scopeMember)");
			p.addValue("scopeMember", scope.circleMember());
		}
	}

	private static String where(Filter f, MapSqlParameterSource params) {
		StringBuilder where = new StringBuilder(" WHERE e.status = 'ACTIVE'");
		scope(f.scope(), where, params);
		if (f.subtreePath() != null) {
			where.append(" AND e.territory_path LIKE :subtree");
			params.addValue("subtree", f.subtreePath() + "%");
		}
		if (f.risk() != null) {
			where.append(" AND e.risk_level = :risk");
			params.addValue("risk", f.risk().name());
		}
		if (f.namePrefix() != null && !f.namePrefix().isBlank()) {
			where.append(" AND e.name LIKE :name ESCAPE '!'");
			params.addValue("name", f.namePrefix().strip().replace("!", "!!").replace("%", "!%").replace("_", "!_") + "%");
		}
		return where.toString();
	}

	long count(Filter f) {
		MapSqlParameterSource params = new MapSqlParameterSource();
		Long total = named.queryForObject("SELECT COUNT(*) FROM elder e" + where(f, params), params, Long.class);
		return total == null ? 0 : total;
	}

	/** One page, highest risk first, then by name. */
	List<Stored> page(Filter f, int limit, long offset) {
		MapSqlParameterSource params = new MapSqlParameterSource();
		String where = where(f, params);
		params.addValue("limit", limit).addValue("offset", offset);
		return named.query("SELECT " + COLUMNS + " FROM elder e" + where + " ORDER BY " + RISK_ORDER
				+ ", e.name, e.id LIMIT :limit OFFSET :offset", params, ElderRepository::map);
	}

	/** Every matching elder in the list's order, one at a time (the export). */
	void each(Filter f, java.util.function.Consumer<Stored> sink) {
		MapSqlParameterSource params = new MapSqlParameterSource();
		String where = where(f, params);
		named.query("SELECT " + COLUMNS + " FROM elder e" + where + " ORDER BY " + RISK_ORDER + ", e.name, e.id", params,
				rs -> {
					sink.accept(map(rs, 0));
				});
	}

	/** Active elders whose next visit was due before {@code today}, most overdue first (or only {@code me}'s circle). */
	List<Stored> overdue(ElderAccess.Scope scope, String me, LocalDate today) {
		MapSqlParameterSource params = new MapSqlParameterSource("today", today);
		StringBuilder where = new StringBuilder(" WHERE e.status = 'ACTIVE' AND e.next_visit_due < :today");
		scope(scope, where, params);
		if (me != null) {
			where.append(" AND e.id IN (SELECT c.elder_id FROM elder_carer c WHERE c.username = :me)");
			params.addValue("me", me);
		}
		return named.query("SELECT " + COLUMNS + " FROM elder e" + where + " ORDER BY e.next_visit_due, e.name LIMIT 500",
				params, ElderRepository::map);
	}

	/** Active elders the scope admits born in one of the months. */
	List<Stored> bornIn(ElderAccess.Scope scope, java.util.Set<Integer> months) {
		MapSqlParameterSource params = new MapSqlParameterSource();
		StringBuilder where = new StringBuilder(" WHERE e.status = 'ACTIVE' AND EXTRACT(MONTH FROM e.birth_date) IN (:months)");
		params.addValue("months", months);
		scope(scope, where, params);
		return named.query("SELECT " + COLUMNS + " FROM elder e" + where, params, ElderRepository::map);
	}

	/** An active elder as the indicators count her. */
	public record IndicatorRow(long id, String name, long communityId, LocalDate lastAssessedOn,
			LocalDate reassessmentDue, LocalDate nextVisitDue) {
	}

	/** The active elders under a path, by name, for the indicators. */
	/** Unscoped: the residents of the active elders under the path who had a visit in [from, to). */
	public List<Long> residentsVisitedBetween(String pathPrefix, Instant from, Instant to) {
		return jdbc.sql("""
				SELECT DISTINCT e.resident_id FROM elder e JOIN elder_visit v ON v.elder_id = e.id
				WHERE e.status = 'ACTIVE' AND e.territory_path LIKE ? AND v.visited_at >= ? AND v.visited_at < ?
				ORDER BY e.resident_id""")
			.params(pathPrefix + "%", from.atOffset(java.time.ZoneOffset.UTC), to.atOffset(java.time.ZoneOffset.UTC))
			.query(Long.class).list();
	}

	public List<IndicatorRow> indicatorRows(String pathPattern) {
		return jdbc.sql("""
				SELECT id, name, community_id, last_assessed_on, reassessment_due, next_visit_due FROM elder
				WHERE status = 'ACTIVE' AND territory_path LIKE ? ORDER BY name, id""")
			.param(pathPattern)
			.query((rs, n) -> new IndicatorRow(rs.getLong(1), rs.getString(2), rs.getLong(3),
					rs.getObject(4, LocalDate.class), rs.getObject(5, LocalDate.class), rs.getObject(6, LocalDate.class)))
			.list();
	}

	/** Every elder, by id. */
	List<Stored> all() {
		return jdbc.sql("SELECT " + COLUMNS + " FROM elder e ORDER BY e.id").query(ElderRepository::map).list();
	}

	/** The residents who have a profile (active or not). */
	java.util.Set<Long> residentIds() {
		return new java.util.HashSet<>(jdbc.sql("SELECT resident_id FROM elder").query(Long.class).list());
	}

	static OffsetDateTime utc(Instant i) {
		return i == null ? null : i.atOffset(ZoneOffset.UTC);
	}

	static <T> List<List<T>> chunks(Collection<T> all) {
		List<T> list = new ArrayList<>(all);
		List<List<T>> out = new ArrayList<>();
		for (int i = 0; i < list.size(); i += 500) {
			out.add(list.subList(i, Math.min(list.size(), i + 500)));
		}
		return out;
	}
}
