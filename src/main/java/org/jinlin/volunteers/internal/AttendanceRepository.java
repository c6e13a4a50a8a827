package org.jinlin.volunteers.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import lombok.RequiredArgsConstructor;
import org.jinlin.volunteers.internal.ActivityModels.AttendanceView;
import org.jinlin.volunteers.internal.CheckInPolicy.Pair;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

import static org.jinlin.volunteers.internal.VolunteerTimes.instant;
import static org.jinlin.volunteers.internal.VolunteerTimes.ts;

/** The sign-in/sign-out pairs' SQL: table {@code volunteer_attendance}. */
@Repository
@RequiredArgsConstructor
public class AttendanceRepository {

	/** A pair as stored, on the spot or back-dated, with the organiser's decision if any. */
	public record NewPair(long activityId, long volunteerId, LocalDate serviceDate, Instant signedInAt, Instant signedOutAt,
			boolean backDated, CheckInPolicy.Status status, String reason, String recordedBy, String decidedBy,
			Instant decidedAt) {
	}

	/** A pair with its volunteer, for the hours of an activity. */
	record AttendedPair(long volunteerId, String volunteerName, String idNumberMasked, Pair pair) {
	}

	private static final String VIEW = "SELECT a.*, v.name AS volunteer_name FROM volunteer_attendance a JOIN volunteer v ON v.id = a.volunteer_id";

	private final JdbcClient jdbc;

	public long insert(NewPair p) {
		GeneratedKeyHolder keys = new GeneratedKeyHolder();
		jdbc.sql("""
				INSERT INTO volunteer_attendance (activity_id, volunteer_id, service_date, signed_in_at, signed_out_at,
				  back_dated, status, reason, recorded_by, decided_by, decided_at)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
			.params(p.activityId(), p.volunteerId(), p.serviceDate(), ts(p.signedInAt()), ts(p.signedOutAt()),
					p.backDated(), p.status().name(), p.reason(), p.recordedBy(), p.decidedBy(), ts(p.decidedAt()))
			.update(keys, "id");
		return keys.getKeyAs(Number.class).longValue();
	}

	void signOut(long id, Instant at) {
		jdbc.sql("UPDATE volunteer_attendance SET signed_out_at = ? WHERE id = ? AND signed_out_at IS NULL")
			.params(ts(at), id).update();
	}

	/** Decides a pending pair; false when it was no longer pending. */
	boolean decide(long id, CheckInPolicy.Status status, String by, Instant at) {
		return jdbc.sql("UPDATE volunteer_attendance SET status = ?, decided_by = ?, decided_at = ? WHERE id = ? AND status = 'PENDING'")
			.params(status.name(), by, ts(at), id).update() == 1;
	}

	/** The person's pairs of a day, over all activities. */
	List<Pair> day(long volunteerId, LocalDate date) {
		return jdbc.sql("SELECT * FROM volunteer_attendance WHERE volunteer_id = ? AND service_date = ? ORDER BY signed_in_at")
			.params(volunteerId, date).query(AttendanceRepository::mapPair).list();
	}

	/** The person's pairs on an activity, locked for the confirmation of their hours. */
	List<Pair> lockedOnActivity(long activityId, long volunteerId) {
		return jdbc.sql("SELECT * FROM volunteer_attendance WHERE activity_id = ? AND volunteer_id = ? FOR UPDATE")
			.params(activityId, volunteerId).query(AttendanceRepository::mapPair).list();
	}

	Optional<AttendanceView> find(long id) {
		return jdbc.sql(VIEW + " WHERE a.id = ?").param(id).query(AttendanceRepository::mapAttendance).optional();
	}

	/** The pairs of an activity, of one volunteer or ({@code null}) of all. */
	List<AttendanceView> ofActivity(long activityId, Long volunteerId) {
		if (volunteerId == null) {
			return jdbc.sql(VIEW + " WHERE a.activity_id = ? ORDER BY a.signed_in_at, a.id").param(activityId)
				.query(AttendanceRepository::mapAttendance).list();
		}
		return jdbc.sql(VIEW + " WHERE a.activity_id = ? AND a.volunteer_id = ? ORDER BY a.signed_in_at, a.id")
			.params(activityId, volunteerId).query(AttendanceRepository::mapAttendance).list();
	}

	/** Every pair of an activity with its volunteer, by volunteer name. */
	List<AttendedPair> withVolunteers(long activityId) {
		return jdbc.sql("SELECT a.*, v.name AS volunteer_name, v.id_number_masked FROM volunteer_attendance a JOIN volunteer v ON v.id = a.volunteer_id WHERE a.activity_id = ? ORDER BY v.name, a.signed_in_at")
			.param(activityId)
			.query((rs, n) -> new AttendedPair(rs.getLong("volunteer_id"), rs.getString("volunteer_name"),
					rs.getString("id_number_masked"), mapPair(rs, n)))
			.list();
	}

	static Pair mapPair(ResultSet rs, int n) throws SQLException {
		return new Pair(rs.getLong("id"), rs.getLong("activity_id"), instant(rs, "signed_in_at"), instant(rs, "signed_out_at"),
				rs.getBoolean("back_dated"), CheckInPolicy.Status.valueOf(rs.getString("status")));
	}

	static AttendanceView mapAttendance(ResultSet rs, int n) throws SQLException {
		return new AttendanceView(rs.getLong("id"), rs.getLong("activity_id"), rs.getLong("volunteer_id"),
				rs.getString("volunteer_name"), rs.getObject("service_date", LocalDate.class), instant(rs, "signed_in_at"),
				instant(rs, "signed_out_at"), rs.getBoolean("back_dated"), CheckInPolicy.Status.valueOf(rs.getString("status")),
				rs.getString("reason"), rs.getString("recorded_by"), rs.getString("decided_by"));
	}
}
