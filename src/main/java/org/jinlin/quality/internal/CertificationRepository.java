package org.jinlin.quality.internal;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import lombok.RequiredArgsConstructor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** SQL of certification: the checklist versions and their criteria, the levels, assessments, scores and evidence. */
@Repository
@RequiredArgsConstructor
public class CertificationRepository {

	private final JdbcClient jdbc;

	/** A criterion of a checklist version. */
	public record Criterion(int version, String code, String section, String sectionZh, String sectionEn, String nameZh,
			String nameEn, String evidenceZh, String evidenceEn, int weight, int maxScore, int position) {

		public CertificationRules.Weighted weighted() {
			return new CertificationRules.Weighted(code, weight, maxScore);
		}

		public String section(java.util.Locale locale) {
			return "en".equals(locale.getLanguage()) ? sectionEn : sectionZh;
		}

		public String name(java.util.Locale locale) {
			return "en".equals(locale.getLanguage()) ? nameEn : nameZh;
		}

		public String evidence(java.util.Locale locale) {
			return "en".equals(locale.getLanguage()) ? evidenceEn : evidenceZh;
		}
	}

	/** A checklist version. */
	public record Version(int version, String note, String createdBy, Instant createdAt) {
	}

	/** An assessment and, once certified, its certificate. */
	public record Assessment(long id, long communityId, String communityCode, String territoryPath, int checklistVersion,
			String status, BigDecimal selfTotal, BigDecimal reviewTotal, String levelCode, String reviewComment,
			String createdBy, Instant createdAt, String submittedBy, Instant submittedAt, String reviewedBy,
			Instant reviewedAt, String certificateNumber, LocalDate validFrom, LocalDate validUntil,
			Instant lapsingNoticedAt, Instant expiredNoticedAt) {
	}

	/** The scores of one criterion. */
	public record Score(String criterionCode, Integer selfScore, String selfNote, Integer reviewScore,
			String reviewComment) {
	}

	/** A piece of evidence (without the file's bytes). */
	public record Evidence(long id, String criterionCode, String kind, String fileName, String contentType,
			Integer sizeBytes, String linkRef, String addedBy, Instant addedAt) {
	}

	/** An evidence file's bytes. */
	public record EvidenceFile(String fileName, String contentType, byte[] bytes) {
	}

	public int currentVersion() {
		return jdbc.sql("SELECT MAX(version) FROM quality_cert_checklist").query(Integer.class).single();
	}

	public Optional<Version> version(int version) {
		return jdbc.sql("SELECT version, note, created_by, created_at FROM quality_cert_checklist WHERE version = ?")
			.param(version)
			.query((rs, n) -> new Version(rs.getInt(1), rs.getString(2), rs.getString(3), instant(rs, 4)))
			.optional();
	}

	public List<Criterion> criteria(int version) {
		return jdbc.sql("""
				SELECT version, code, section_code, section_zh, section_en, name_zh, name_en, evidence_zh, evidence_en, weight,
				  max_score, position FROM quality_cert_criterion WHERE version = ? ORDER BY position""")
			.param(version)
			.query((rs, n) -> new Criterion(rs.getInt(1), rs.getString(2), rs.getString(3), rs.getString(4),
					rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8), rs.getString(9), rs.getInt(10),
					rs.getInt(11), rs.getInt(12)))
			.list();
	}

	/** Writes a new version with its criteria (in the given order). */
	public void insertVersion(int version, String note, String by, List<CertificationRules.Draft> criteria) {
		jdbc.sql("INSERT INTO quality_cert_checklist (version, note, created_by, created_at) VALUES (?, ?, ?, ?)")
			.params(version, note, by, now())
			.update();
		int position = 1;
		for (CertificationRules.Draft d : criteria) {
			jdbc.sql("""
					INSERT INTO quality_cert_criterion (version, code, section_code, section_zh, section_en, name_zh, name_en,
					  evidence_zh, evidence_en, weight, max_score, position) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
				.params(version, d.code(), d.section(), d.sectionZh().strip(), d.sectionEn().strip(), d.nameZh().strip(),
						d.nameEn().strip(), d.evidenceZh().strip(), d.evidenceEn().strip(), d.weight(), d.maxScore(),
						position++)
				.update();
		}
	}

	public List<CertificationRules.Level> levels() {
		return jdbc.sql("SELECT code, min_total, valid_years FROM quality_cert_level ORDER BY min_total DESC")
			.query((rs, n) -> new CertificationRules.Level(rs.getString(1), rs.getBigDecimal(2), rs.getInt(3)))
			.list();
	}

	public long insertAssessment(long communityId, String communityCode, String path, int version, String by) {
		GeneratedKeyHolder keys = new GeneratedKeyHolder();
		jdbc.sql("""
				INSERT INTO quality_cert_assessment (community_id, community_code, territory_path, checklist_version, status,
				  created_by, created_at) VALUES (?, ?, ?, ?, 'DRAFT', ?, ?)""")
			.params(communityId, communityCode, path, version, by, now())
			.update(keys, "id");
		return keys.getKey().longValue();
	}

	private static final org.springframework.jdbc.core.RowMapper<Assessment> ASSESSMENT_ROW = CertificationRepository::mapAssessment;

	private static final String ASSESSMENT = """
			SELECT id, community_id, community_code, territory_path, checklist_version, status, self_total, review_total,
			  level_code, review_comment, created_by, created_at, submitted_by, submitted_at, reviewed_by, reviewed_at,
			  certificate_number, valid_from, valid_until, lapsing_noticed_at, expired_noticed_at
			FROM quality_cert_assessment""";

	public Optional<Assessment> assessment(long id) {
		return jdbc.sql(ASSESSMENT + " WHERE id = ?").param(id).query(ASSESSMENT_ROW).optional();
	}

	/** The community's assessment not yet certified (draft, submitted or returned), if any. */
	public Optional<Assessment> open(String communityCode) {
		return jdbc.sql(ASSESSMENT + " WHERE community_code = ? AND status <> 'CERTIFIED' ORDER BY id DESC")
			.param(communityCode)
			.query(ASSESSMENT_ROW)
			.list()
			.stream()
			.findFirst();
	}

	/** The assessments of communities under a path, newest first (at most 500). */
	public List<Assessment> under(String pathPrefix) {
		return jdbc.sql(ASSESSMENT + " WHERE territory_path LIKE ? ORDER BY created_at DESC, id DESC LIMIT 500")
			.param(pathPrefix + "%")
			.query(ASSESSMENT_ROW)
			.list();
	}

	/** The community's latest certificate (the one valid longest), if it ever had one. */
	public Optional<Assessment> latestCertificate(String communityCode) {
		return jdbc.sql(ASSESSMENT + " WHERE community_code = ? AND status = 'CERTIFIED' ORDER BY valid_until DESC, id DESC")
			.param(communityCode)
			.query(ASSESSMENT_ROW)
			.list()
			.stream()
			.findFirst();
	}

	public Optional<Assessment> byNumber(String number) {
		return jdbc.sql(ASSESSMENT + " WHERE certificate_number = ?").param(number).query(ASSESSMENT_ROW).optional();
	}

	/** Certificates whose last day falls in [from, before) and whose lapsing was not noticed yet. */
	public List<Assessment> lapsingUnnoticed(LocalDate from, LocalDate before) {
		return jdbc.sql(ASSESSMENT + " " + """
				 WHERE status = 'CERTIFIED' AND lapsing_noticed_at IS NULL AND valid_until >= ? AND valid_until < ?
				ORDER BY id""")
			.params(from, before)
			.query(ASSESSMENT_ROW)
			.list();
	}

	/** Certificates whose last day is before the given day and whose expiry was not noticed yet. */
	public List<Assessment> expiredUnnoticed(LocalDate today) {
		return jdbc.sql(ASSESSMENT + " " + """
				 WHERE status = 'CERTIFIED' AND expired_noticed_at IS NULL AND valid_until < ? ORDER BY id""")
			.param(today)
			.query(ASSESSMENT_ROW)
			.list();
	}

	/** Marks the lapsing noticed; false when another instance already did. */
	public boolean noticeLapsing(long id) {
		return jdbc.sql("UPDATE quality_cert_assessment SET lapsing_noticed_at = ? WHERE id = ? AND lapsing_noticed_at IS NULL")
			.params(now(), id)
			.update() == 1;
	}

	/** Marks the expiry noticed; false when another instance already did. */
	public boolean noticeExpired(long id) {
		return jdbc.sql("UPDATE quality_cert_assessment SET expired_noticed_at = ? WHERE id = ? AND expired_noticed_at IS NULL")
			.params(now(), id)
			.update() == 1;
	}

	public List<Score> scores(long assessmentId) {
		return jdbc.sql("""
				SELECT criterion_code, self_score, self_note, review_score, review_comment FROM quality_cert_score
				WHERE assessment_id = ?""")
			.param(assessmentId)
			.query((rs, n) -> new Score(rs.getString(1), (Integer) rs.getObject(2, Integer.class), rs.getString(3),
					(Integer) rs.getObject(4, Integer.class), rs.getString(5)))
			.list();
	}

	public void saveSelf(long assessmentId, String code, Integer score, String note) {
		if (jdbc.sql("UPDATE quality_cert_score SET self_score = ?, self_note = ? WHERE assessment_id = ? AND criterion_code = ?")
			.params(score, note, assessmentId, code)
			.update() == 0) {
			jdbc.sql("INSERT INTO quality_cert_score (assessment_id, criterion_code, self_score, self_note) VALUES (?, ?, ?, ?)")
				.params(assessmentId, code, score, note)
				.update();
		}
	}

	public void saveReview(long assessmentId, String code, Integer score, String comment) {
		if (jdbc.sql("""
				UPDATE quality_cert_score SET review_score = ?, review_comment = ? WHERE assessment_id = ? AND criterion_code = ?""")
			.params(score, comment, assessmentId, code)
			.update() == 0) {
			jdbc.sql("""
					INSERT INTO quality_cert_score (assessment_id, criterion_code, review_score, review_comment)
					VALUES (?, ?, ?, ?)""")
				.params(assessmentId, code, score, comment)
				.update();
		}
	}

	/** Submits a draft or returned assessment; false when it is in neither state (any more). */
	public boolean submit(long id, BigDecimal selfTotal, String by) {
		return jdbc.sql("""
				UPDATE quality_cert_assessment SET status = 'SUBMITTED', self_total = ?, submitted_by = ?, submitted_at = ?
				WHERE id = ? AND status IN ('DRAFT', 'RETURNED')""")
			.params(selfTotal, by, now(), id)
			.update() == 1;
	}

	/** Certifies a submitted assessment; false when it is not submitted (any more). */
	public boolean certify(long id, BigDecimal total, String level, String comment, String by, Instant at, String number,
			LocalDate from, LocalDate until) {
		return jdbc.sql("""
				UPDATE quality_cert_assessment SET status = 'CERTIFIED', review_total = ?, level_code = ?, review_comment = ?,
				  reviewed_by = ?, reviewed_at = ?, certificate_number = ?, valid_from = ?, valid_until = ?
				WHERE id = ? AND status = 'SUBMITTED'""")
			.params(total, level, comment, by, at.atOffset(ZoneOffset.UTC), number, from, until, id)
			.update() == 1;
	}

	/** Returns a submitted assessment for rework; false when it is not submitted (any more). */
	public boolean returnForRework(long id, BigDecimal total, String comment, String by) {
		return jdbc.sql("""
				UPDATE quality_cert_assessment SET status = 'RETURNED', review_total = ?, review_comment = ?, reviewed_by = ?,
				  reviewed_at = ? WHERE id = ? AND status = 'SUBMITTED'""")
			.params(total, comment, by, now(), id)
			.update() == 1;
	}

	public List<Evidence> evidence(long assessmentId) {
		return jdbc.sql("""
				SELECT id, criterion_code, kind, file_name, content_type, size_bytes, link_ref, added_by, added_at
				FROM quality_cert_evidence WHERE assessment_id = ? ORDER BY id""")
			.param(assessmentId)
			.query((rs, n) -> new Evidence(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
					rs.getString(5), (Integer) rs.getObject(6, Integer.class), rs.getString(7), rs.getString(8),
					instant(rs, 9)))
			.list();
	}

	public long addFile(long assessmentId, String code, String fileName, String contentType, byte[] bytes, String by) {
		GeneratedKeyHolder keys = new GeneratedKeyHolder();
		jdbc.sql("""
				INSERT INTO quality_cert_evidence (assessment_id, criterion_code, kind, file_name, content_type, size_bytes,
				  bytes, added_by, added_at) VALUES (?, ?, 'FILE', ?, ?, ?, ?, ?, ?)""")
			.params(assessmentId, code, fileName, contentType, bytes.length, bytes, by, now())
			.update(keys, "id");
		return keys.getKey().longValue();
	}

	public long addLink(long assessmentId, String code, String kind, String ref, String by) {
		GeneratedKeyHolder keys = new GeneratedKeyHolder();
		jdbc.sql("""
				INSERT INTO quality_cert_evidence (assessment_id, criterion_code, kind, link_ref, added_by, added_at)
				VALUES (?, ?, ?, ?, ?, ?)""")
			.params(assessmentId, code, kind, ref, by, now())
			.update(keys, "id");
		return keys.getKey().longValue();
	}

	public Optional<EvidenceFile> file(long assessmentId, long evidenceId) {
		return jdbc.sql("""
				SELECT file_name, content_type, bytes FROM quality_cert_evidence
				WHERE assessment_id = ? AND id = ? AND kind = 'FILE'""")
			.params(assessmentId, evidenceId)
			.query((rs, n) -> new EvidenceFile(rs.getString(1), rs.getString(2), rs.getBytes(3)))
			.optional();
	}

	private static Assessment mapAssessment(ResultSet rs, int n) throws SQLException {
		return new Assessment(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4), rs.getInt(5),
				rs.getString(6), rs.getBigDecimal(7), rs.getBigDecimal(8), rs.getString(9), rs.getString(10),
				rs.getString(11), instant(rs, 12), rs.getString(13), instant(rs, 14), rs.getString(15), instant(rs, 16),
				rs.getString(17), rs.getObject(18, LocalDate.class), rs.getObject(19, LocalDate.class), instant(rs, 20),
				instant(rs, 21));
	}

	private static Instant instant(ResultSet rs, int column) throws SQLException {
		OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
		return t == null ? null : t.toInstant();
	}

	private static OffsetDateTime now() {
		return OffsetDateTime.now(ZoneOffset.UTC);
	}
}
