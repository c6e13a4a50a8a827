package org.jinlin.eldercare.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

import lombok.RequiredArgsConstructor;
import org.jinlin.eldercare.VisitKind;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** The records of care kept for an elder: assessments, care-risk events, visits (with photos) and tasks. */
@Repository
@RequiredArgsConstructor
class CareRecordRepository {

	private final JdbcClient jdbc;

	private final NamedParameterJdbcTemplate named;

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
}
