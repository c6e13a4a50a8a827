package org.jinlin.volunteers.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import lombok.RequiredArgsConstructor;
import org.jinlin.volunteers.ServiceIntention;
import org.jinlin.volunteers.internal.ActivityModels.ActivityView;
import org.jinlin.volunteers.internal.ActivityModels.ShiftView;
import org.jinlin.volunteers.internal.ActivityModels.SignUpView;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

import static org.jinlin.volunteers.internal.VolunteerTimes.instant;
import static org.jinlin.volunteers.internal.VolunteerTimes.ts;

/** The activities' SQL: tables {@code volunteer_activity}, its shifts {@code volunteer_shift} and sign-ups {@code volunteer_signup}. */
@Repository
@RequiredArgsConstructor
public class ActivityRepository {

	/** An activity as stored (a DRAFT, or PUBLISHED with its publication time). */
	public record NewActivity(String title, OrganiserKind organiserKind, String organiserName, long territoryId,
			String territoryName, String territoryPath, ServiceIntention category, String venue, String description,
			Instant startsAt, Instant endsAt, String status, Instant publishedAt, String checkinToken, Instant createdAt,
			String createdBy) {
	}

	private final JdbcClient jdbc;

	// ------------------------------------------------------------------ activities and shifts

	public long insert(NewActivity a) {
		GeneratedKeyHolder keys = new GeneratedKeyHolder();
		jdbc.sql("""
				INSERT INTO volunteer_activity (title, organiser_kind, organiser_name, territory_id, territory_name, territory_path,
				  category, venue, description, starts_at, ends_at, status, published_at, checkin_token, created_at, created_by)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
			.params(a.title(), a.organiserKind().name(), a.organiserName(), a.territoryId(), a.territoryName(),
					a.territoryPath(), a.category().name(), a.venue(), a.description(), ts(a.startsAt()), ts(a.endsAt()),
					a.status(), ts(a.publishedAt()), a.checkinToken(), ts(a.createdAt()), a.createdBy())
			.update(keys, "id");
		return keys.getKeyAs(Number.class).longValue();
	}

	public void insertShift(long activityId, String label, Instant startsAt, Instant endsAt, int capacity) {
		jdbc.sql("INSERT INTO volunteer_shift (activity_id, label, starts_at, ends_at, capacity, taken) VALUES (?, ?, ?, ?, ?, 0)")
			.params(activityId, label, ts(startsAt), ts(endsAt), capacity)
			.update();
	}

	/** Publishes a draft; false when it was no longer a draft. */
	boolean publish(long id, Instant at) {
		return jdbc.sql("UPDATE volunteer_activity SET status = 'PUBLISHED', published_at = ? WHERE id = ? AND status = 'DRAFT'")
			.params(ts(at), id).update() == 1;
	}

	void setToken(long id, String token) {
		jdbc.sql("UPDATE volunteer_activity SET checkin_token = ? WHERE id = ?").params(token, id).update();
	}

	String token(long id) {
		return jdbc.sql("SELECT checkin_token FROM volunteer_activity WHERE id = ?").param(id).query(String.class).single();
	}

	/** The published activity with this check-in secret. */
	Optional<Long> publishedByToken(String token) {
		return jdbc.sql("SELECT id FROM volunteer_activity WHERE checkin_token = ? AND status = 'PUBLISHED'").param(token)
			.query(Long.class).optional();
	}

	/**
	 * Published activities and, with {@code draftsUnder}, the drafts of that jurisdiction (LIKE pattern); only those
	 * not yet ended ({@code upcomingAfter}) soonest first, or all newest first.
	 */
	List<ActivityView> list(String draftsUnder, Instant upcomingAfter, int limit) {
		boolean upcoming = upcomingAfter != null;
		String sql = "SELECT * FROM volunteer_activity WHERE (status = 'PUBLISHED'"
				+ (draftsUnder != null ? " OR (status = 'DRAFT' AND territory_path LIKE :prefix)" : "") + ")"
				+ (upcoming ? " AND ends_at > :now" : "") + " ORDER BY starts_at " + (upcoming ? "ASC" : "DESC")
				+ " LIMIT :limit";
		JdbcClient.StatementSpec spec = jdbc.sql(sql).param("limit", limit);
		if (draftsUnder != null) {
			spec = spec.param("prefix", draftsUnder);
		}
		if (upcoming) {
			spec = spec.param("now", ts(upcomingAfter));
		}
		return withShifts(spec.query(ActivityRepository::mapActivity).list());
	}

	public Optional<ActivityView> find(long id) {
		return jdbc.sql("SELECT * FROM volunteer_activity WHERE id = ?").param(id).query(ActivityRepository::mapActivity)
			.optional().map(a -> withShifts(List.of(a)).get(0));
	}

	private List<ActivityView> withShifts(List<ActivityView> bare) {
		if (bare.isEmpty()) {
			return bare;
		}
		Map<Long, List<ShiftView>> shifts = new LinkedHashMap<>();
		jdbc.sql("SELECT * FROM volunteer_shift WHERE activity_id IN (:ids) ORDER BY starts_at, id")
			.param("ids", bare.stream().map(ActivityView::id).toList())
			.query((rs, n) -> {
				shifts.computeIfAbsent(rs.getLong("activity_id"), k -> new ArrayList<>())
					.add(new ShiftView(rs.getLong("id"), rs.getString("label"), instant(rs, "starts_at"),
							instant(rs, "ends_at"), rs.getInt("capacity"), rs.getInt("taken")));
				return 0;
			})
			.list();
		return bare.stream()
			.map(a -> new ActivityView(a.id(), a.title(), a.organiserKind(), a.organiserName(), a.territoryId(),
					a.territoryName(), a.territoryPath(), a.category(), a.venue(), a.description(), a.startsAt(), a.endsAt(),
					a.status(), a.publishedAt(), a.createdBy(), shifts.getOrDefault(a.id(), List.of())))
			.toList();
	}

	static ActivityView mapActivity(ResultSet rs, int n) throws SQLException {
		return new ActivityView(rs.getLong("id"), rs.getString("title"), OrganiserKind.valueOf(rs.getString("organiser_kind")),
				rs.getString("organiser_name"), rs.getLong("territory_id"), rs.getString("territory_name"),
				rs.getString("territory_path"), ServiceIntention.valueOf(rs.getString("category")), rs.getString("venue"),
				rs.getString("description"), instant(rs, "starts_at"), instant(rs, "ends_at"), rs.getString("status"),
				instant(rs, "published_at"), rs.getString("created_by"), List.of());
	}

	// ------------------------------------------------------------------ places and sign-ups

	/** Takes a place on the shift unless it is full: a conditional update, so racing sign-ups cannot overbook. */
	public boolean takePlace(long shiftId) {
		return jdbc.sql("UPDATE volunteer_shift SET taken = taken + 1 WHERE id = ? AND taken < capacity").param(shiftId)
			.update() == 1;
	}

	void releasePlace(long shiftId) {
		jdbc.sql("UPDATE volunteer_shift SET taken = taken - 1 WHERE id = ? AND taken > 0").param(shiftId).update();
	}

	Optional<String> signUpStatus(long shiftId, long volunteerId) {
		return jdbc.sql("SELECT status FROM volunteer_signup WHERE shift_id = ? AND volunteer_id = ?")
			.params(shiftId, volunteerId).query(String.class).optional();
	}

	public void insertSignUp(long shiftId, long activityId, long volunteerId, Instant at) {
		jdbc.sql("INSERT INTO volunteer_signup (shift_id, activity_id, volunteer_id, status, signed_up_at) VALUES (?, ?, ?, 'SIGNED_UP', ?)")
			.params(shiftId, activityId, volunteerId, ts(at)).update();
	}

	void renewSignUp(long shiftId, long volunteerId, Instant at) {
		jdbc.sql("UPDATE volunteer_signup SET status = 'SIGNED_UP', signed_up_at = ?, cancelled_at = NULL WHERE shift_id = ? AND volunteer_id = ? AND status = 'CANCELLED'")
			.params(ts(at), shiftId, volunteerId).update();
	}

	/** Cancels a sign-up; false when it was no longer signed up. */
	boolean cancelSignUp(long signUpId, Instant at) {
		return jdbc.sql("UPDATE volunteer_signup SET status = 'CANCELLED', cancelled_at = ? WHERE id = ? AND status = 'SIGNED_UP'")
			.params(ts(at), signUpId).update() == 1;
	}

	boolean signedUp(long activityId, long volunteerId) {
		return jdbc.sql("SELECT COUNT(*) FROM volunteer_signup WHERE activity_id = ? AND volunteer_id = ? AND status = 'SIGNED_UP'")
			.params(activityId, volunteerId).query(Long.class).single() > 0;
	}

	/** The sign-ups of an activity, of one volunteer or ({@code null}) of all, in order of sign-up. */
	List<SignUpView> signUps(long activityId, Long volunteerId) {
		return jdbc.sql("""
				SELECT s.id, s.shift_id, sh.label, s.volunteer_id, v.name, v.phone_masked, s.status, s.signed_up_at
				FROM volunteer_signup s JOIN volunteer_shift sh ON sh.id = s.shift_id JOIN volunteer v ON v.id = s.volunteer_id
				WHERE s.activity_id = :a""" + (volunteerId == null ? "" : " AND s.volunteer_id = :v")
				+ " ORDER BY s.signed_up_at, s.id")
			.param("a", activityId)
			.params(volunteerId == null ? Map.of() : Map.of("v", volunteerId))
			.query((rs, n) -> new SignUpView(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getLong(4), rs.getString(5),
					rs.getString(6), rs.getString(7), instant(rs, "signed_up_at")))
			.list();
	}
}
