package org.jinlin.eldercare;

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

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** The eldercare tables, with plain SQL (H2 in PostgreSQL mode and PostgreSQL). */
@Repository
class ElderRepository {

	static final String COLUMNS = "e.id, e.resident_id, e.name, e.gender, e.birth_date, e.building_id, e.community_id, "
			+ "e.community_code, e.territory_path, e.address_label, e.living_situation, e.mobility, e.conditions_cipher, "
			+ "e.medicines_cipher, e.allergies_cipher, e.door_access_cipher, e.ability_level, e.risk_level, "
			+ "e.last_assessed_on, e.reassessment_due, e.last_visit_at, e.next_visit_due, e.status, e.version";

	private final JdbcClient jdbc;

	private final NamedParameterJdbcTemplate named;

	ElderRepository(JdbcClient jdbc, NamedParameterJdbcTemplate named) {
		this.jdbc = jdbc;
		this.named = named;
	}

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

	// ------------------------------------------------------------------ assessments

	record Assessment(long id, long elderId, LocalDate assessedOn, String assessedBy, int[] scores, int selfCare,
			int basicMotor, int mentalState, int perceptionSocial, int total, int baseLevel, boolean dementia,
			boolean mentalDisorder, int riskEvents, int finalLevel, String note) {
	}

	long insertAssessment(long elderId, LocalDate on, String by, int[] scores, CareRules.Result r, boolean dementia,
			boolean mentalDisorder, int riskEvents, String note, OffsetDateTime now) {
		StringBuilder joined = new StringBuilder();
		for (int i = 0; i < scores.length; i++) {
			joined.append(i == 0 ? "" : ",").append(scores[i]);
		}
		GeneratedKeyHolder keys = new GeneratedKeyHolder();
		named.update("""
				INSERT INTO elder_assessment (elder_id, assessed_on, assessed_by, scores, self_care, basic_motor, mental_state,
				  perception_social, total, base_level, dementia, mental_disorder, risk_events, final_level, note, created_at)
				VALUES (:elder, :on, :by, :scores, :sc, :bm, :ms, :ps, :total, :base, :dementia, :mental, :events, :final,
				  :note, :now)""",
				new MapSqlParameterSource().addValue("elder", elderId).addValue("on", on).addValue("by", by)
					.addValue("scores", joined.toString()).addValue("sc", r.selfCare()).addValue("bm", r.basicMotor())
					.addValue("ms", r.mentalState()).addValue("ps", r.perceptionSocial()).addValue("total", r.total())
					.addValue("base", r.baseLevel()).addValue("dementia", dementia).addValue("mental", mentalDisorder)
					.addValue("events", riskEvents).addValue("final", r.finalLevel()).addValue("note", note)
					.addValue("now", now),
				keys, new String[] { "id" });
		return keys.getKey().longValue();
	}

	List<Assessment> assessments(long elderId) {
		return jdbc.sql("SELECT * FROM elder_assessment WHERE elder_id = ? ORDER BY assessed_on DESC, id DESC")
			.param(elderId)
			.query((rs, i) -> new Assessment(rs.getLong("id"), rs.getLong("elder_id"),
					rs.getObject("assessed_on", LocalDate.class), rs.getString("assessed_by"),
					java.util.Arrays.stream(rs.getString("scores").split(",")).mapToInt(Integer::parseInt).toArray(),
					rs.getInt("self_care"), rs.getInt("basic_motor"), rs.getInt("mental_state"),
					rs.getInt("perception_social"), rs.getInt("total"), rs.getInt("base_level"), rs.getBoolean("dementia"),
					rs.getBoolean("mental_disorder"), rs.getInt("risk_events"), rs.getInt("final_level"), rs.getString("note")))
			.list();
	}

	// ------------------------------------------------------------------ risk events

	record RiskEvent(long id, RiskEventKind kind, LocalDate occurredOn, String note, String recordedBy) {
	}

	void insertRiskEvent(long elderId, RiskEventKind kind, LocalDate on, String note, String by, OffsetDateTime now) {
		jdbc.sql("""
				INSERT INTO elder_risk_event (elder_id, kind, occurred_on, note, recorded_by, recorded_at)
				VALUES (?, ?, ?, ?, ?, ?)""").params(elderId, kind.name(), on, note, by, now).update();
	}

	List<RiskEvent> riskEvents(long elderId) {
		return jdbc.sql("SELECT id, kind, occurred_on, note, recorded_by FROM elder_risk_event WHERE elder_id = ? ORDER BY occurred_on DESC, id DESC")
			.param(elderId)
			.query((rs, i) -> new RiskEvent(rs.getLong("id"), RiskEventKind.valueOf(rs.getString("kind")),
					rs.getObject("occurred_on", LocalDate.class), rs.getString("note"), rs.getString("recorded_by")))
			.list();
	}

	// ------------------------------------------------------------------ visits

	record Visit(long id, long elderId, Instant visitedAt, String visitor, String visitorName, VisitKind kind,
			String findings, boolean followUp, boolean hasPhoto) {
	}

	long insertVisit(long elderId, OffsetDateTime at, String visitor, String visitorName, VisitKind kind, String findings,
			boolean followUp, String photoType, byte[] photo, OffsetDateTime now) {
		GeneratedKeyHolder keys = new GeneratedKeyHolder();
		named.update("""
				INSERT INTO elder_visit (elder_id, visited_at, visitor, visitor_name, kind, findings, follow_up, photo_type,
				  photo, created_at)
				VALUES (:elder, :at, :visitor, :name, :kind, :findings, :followUp, :photoType, :photo, :now)""",
				new MapSqlParameterSource().addValue("elder", elderId).addValue("at", at).addValue("visitor", visitor)
					.addValue("name", visitorName).addValue("kind", kind.name()).addValue("findings", findings)
					.addValue("followUp", followUp).addValue("photoType", photoType)
					.addValue("photo", photo, java.sql.Types.BINARY).addValue("now", now),
				keys, new String[] { "id" });
		return keys.getKey().longValue();
	}

	List<Visit> visits(long elderId) {
		return jdbc.sql("""
				SELECT id, elder_id, visited_at, visitor, visitor_name, kind, findings, follow_up, photo_type
				FROM elder_visit WHERE elder_id = ? ORDER BY visited_at DESC, id DESC""")
			.param(elderId)
			.query((rs, i) -> new Visit(rs.getLong("id"), rs.getLong("elder_id"),
					rs.getObject("visited_at", OffsetDateTime.class).toInstant(), rs.getString("visitor"),
					rs.getString("visitor_name"), VisitKind.valueOf(rs.getString("kind")), rs.getString("findings"),
					rs.getBoolean("follow_up"), rs.getString("photo_type") != null))
			.list();
	}

	record Photo(long elderId, String contentType, byte[] bytes) {
	}

	Optional<Photo> visitPhoto(long visitId) {
		return jdbc.sql("SELECT elder_id, photo_type, photo FROM elder_visit WHERE id = ? AND photo IS NOT NULL")
			.param(visitId)
			.query((rs, i) -> new Photo(rs.getLong("elder_id"), rs.getString("photo_type"), rs.getBytes("photo")))
			.optional();
	}

	// ------------------------------------------------------------------ tasks

	record Task(long id, long elderId, String kind, int taskYear, LocalDate dueOn, String status) {
	}

	/** Inserts a task unless one of this kind exists for the elder and year; true if inserted. */
	boolean insertTaskIfAbsent(long elderId, String kind, int year, LocalDate dueOn, OffsetDateTime now) {
		return jdbc.sql("""
				INSERT INTO elder_task (elder_id, kind, task_year, due_on, status, created_at)
				SELECT ?, ?, ?, ?, 'OPEN', ? WHERE NOT EXISTS
				  (SELECT 1 FROM elder_task WHERE elder_id = ? AND kind = ? AND task_year = ?)""")
			.params(elderId, kind, year, dueOn, now, elderId, kind, year).update() == 1;
	}

	/** Open tasks of a kind for an elder (to close on a birthday visit). */
	List<Task> openTasks(long elderId, String kind) {
		return jdbc.sql("SELECT id, elder_id, kind, task_year, due_on, status FROM elder_task WHERE elder_id = ? AND kind = ? AND status = 'OPEN'")
			.params(elderId, kind)
			.query((rs, i) -> new Task(rs.getLong("id"), rs.getLong("elder_id"), rs.getString("kind"), rs.getInt("task_year"),
					rs.getObject("due_on", LocalDate.class), rs.getString("status")))
			.list();
	}

	void closeTask(long taskId, long visitId) {
		jdbc.sql("UPDATE elder_task SET status = 'DONE', visit_id = ? WHERE id = ?").params(visitId, taskId).update();
	}

	/** Active elders whose birthday falls in these months: (id, birth date). */
	List<Object[]> activeBirthDatesInMonths(java.util.Set<Integer> months) {
		return named.query("SELECT id, birth_date FROM elder WHERE status = 'ACTIVE' AND EXTRACT(MONTH FROM birth_date) IN (:months)",
				new MapSqlParameterSource("months", months),
				(rs, i) -> new Object[] { rs.getLong("id"), rs.getObject("birth_date", LocalDate.class) });
	}

	NamedParameterJdbcTemplate named() {
		return named;
	}

	JdbcClient jdbc() {
		return jdbc;
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
