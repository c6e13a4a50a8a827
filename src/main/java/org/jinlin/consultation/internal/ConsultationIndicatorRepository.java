package org.jinlin.consultation.internal;

import java.util.List;

import lombok.RequiredArgsConstructor;
import org.jinlin.shared.figures.CountedRecord;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import static org.jinlin.consultation.internal.ConsultationRepository.instant;

/**
 * The records the consultation indicators count, under a territory path: sittings (met: quorum met), topics whose
 * decision was published (met: result published too), residents' ratings (met: 满意 or 基本满意; no account).
 */
@Repository
@RequiredArgsConstructor
public class ConsultationIndicatorRepository {

	private final JdbcClient jdbc;

	public List<CountedRecord> sittings(String pathPrefix) {
		return jdbc.sql("""
				SELECT x.id, t.title, t.id, x.held_at, x.quorum_met FROM consultation_sitting x
				JOIN consultation_topic t ON t.id = x.topic_id WHERE t.territory_path LIKE ? ORDER BY x.held_at DESC, x.id DESC""")
			.param(pathPrefix + "%")
			.query((rs, n) -> new CountedRecord(rs.getLong(1), rs.getString(2), null, instant(rs, 4), rs.getBoolean(5),
					"/consultation/topics/" + rs.getLong(3)))
			.list();
	}

	public List<CountedRecord> publishedDecisions(String pathPrefix) {
		return jdbc.sql("""
				SELECT id, title, decision_published_at, result_published_at FROM consultation_topic
				WHERE territory_path LIKE ? AND decision_published_at IS NOT NULL ORDER BY decision_published_at DESC, id DESC""")
			.param(pathPrefix + "%")
			.query((rs, n) -> new CountedRecord(rs.getLong(1), rs.getString(2), null, instant(rs, 3),
					rs.getObject(4) != null, "/consultation/topics/" + rs.getLong(1)))
			.list();
	}

	public List<CountedRecord> ratings(String pathPrefix) {
		return jdbc.sql("""
				SELECT t.id, t.title, r.at, r.rating FROM consultation_rating r JOIN consultation_topic t ON t.id = r.topic_id
				WHERE t.territory_path LIKE ? ORDER BY r.at DESC, t.id DESC""")
			.param(pathPrefix + "%")
			.query((rs, n) -> new CountedRecord(rs.getLong(1), rs.getString(2), null, instant(rs, 3),
					!"DISSATISFIED".equals(rs.getString(4)), "/consultation/topics/" + rs.getLong(1)))
			.list();
	}
}
