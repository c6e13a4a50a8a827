package org.jinlin.volunteers.internal;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import lombok.RequiredArgsConstructor;
import org.jinlin.volunteers.ServiceIntention;
import org.jinlin.volunteers.internal.ActivityModels.ServiceRecordView;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

import static org.jinlin.volunteers.internal.VolunteerTimes.instant;
import static org.jinlin.volunteers.internal.VolunteerTimes.ts;

/** The confirmed service records' SQL: table {@code volunteer_service_record}. */
@Repository
@RequiredArgsConstructor
public class VolunteerRecordRepository {

	/** A confirmed record as stored, with what the Measures require. */
	public record NewRecord(long activityId, long volunteerId, ServiceIntention category, String content, BigDecimal computedHours,
			BigDecimal hours, String adjustReason, String training, String commendations, String evaluation,
			LocalDate serviceDate, String territoryPath, String confirmedBy, Instant confirmedAt) {
	}

	private static final String VIEW = """
			SELECT r.*, a.title, a.organiser_name, v.name AS volunteer_name, v.id_number_masked
			FROM volunteer_service_record r JOIN volunteer_activity a ON a.id = r.activity_id
			JOIN volunteer v ON v.id = r.volunteer_id""";

	private final JdbcClient jdbc;

	/** Inserts the record; a second one for the same volunteer and activity is a {@code DuplicateKeyException}. */
	public long insert(NewRecord r) {
		GeneratedKeyHolder keys = new GeneratedKeyHolder();
		jdbc.sql("""
				INSERT INTO volunteer_service_record (activity_id, volunteer_id, category, content, computed_hours, hours,
				  adjust_reason, training, commendations, evaluation, service_date, territory_path, confirmed_by, confirmed_at)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
			.params(r.activityId(), r.volunteerId(), r.category().name(), r.content(), r.computedHours(), r.hours(),
					r.adjustReason(), r.training(), r.commendations(), r.evaluation(), r.serviceDate(), r.territoryPath(),
					r.confirmedBy(), ts(r.confirmedAt()))
			.update(keys, "id");
		return keys.getKeyAs(Number.class).longValue();
	}

	ServiceRecordView find(long id) {
		return query(" WHERE r.id = ?", id).get(0);
	}

	List<ServiceRecordView> ofActivity(long activityId) {
		return query(" WHERE r.activity_id = ?", activityId);
	}

	/** A volunteer's records, newest first. */
	public List<ServiceRecordView> ofVolunteer(long volunteerId) {
		return query(" WHERE r.volunteer_id = ? ORDER BY r.service_date DESC, r.id DESC", volunteerId);
	}

	/** A volunteer's records of a period, oldest first. */
	List<ServiceRecordView> ofVolunteer(long volunteerId, LocalDate from, LocalDate to) {
		return query(" WHERE r.volunteer_id = ? AND r.service_date >= ? AND r.service_date <= ? ORDER BY r.service_date, r.id",
				volunteerId, from, to);
	}

	private List<ServiceRecordView> query(String where, Object... params) {
		return jdbc.sql(VIEW + where)
			.params(params)
			.query((rs, n) -> new ServiceRecordView(rs.getLong("id"), rs.getLong("activity_id"), rs.getString("title"),
					rs.getString("organiser_name"), rs.getLong("volunteer_id"), rs.getString("volunteer_name"),
					rs.getString("id_number_masked"), ServiceIntention.valueOf(rs.getString("category")),
					rs.getString("content"), rs.getBigDecimal("computed_hours"), rs.getBigDecimal("hours"),
					rs.getString("adjust_reason"), rs.getString("training"), rs.getString("commendations"),
					rs.getString("evaluation"), rs.getObject("service_date", LocalDate.class), rs.getString("confirmed_by"),
					instant(rs, "confirmed_at")))
			.list();
	}
}
