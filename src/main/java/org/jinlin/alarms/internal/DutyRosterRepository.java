package org.jinlin.alarms.internal;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

import lombok.RequiredArgsConstructor;
import org.jinlin.alarms.DutyRole;
import org.jinlin.alarms.DutyStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The duty roster's SQL: responders ({@code alarm_responder}) and their weekly shifts ({@code alarm_duty_shift}). */
@Repository
@RequiredArgsConstructor
public class DutyRosterRepository {

	private final JdbcClient jdbc;

	/** A responder as stored. */
	record Stored(String username, String displayName, DutyRole role, long territoryId, String territoryPath,
			Double latitude, Double longitude, DutyStatus status, boolean active) {
	}

	/** A responder's place in the territory tree, as written. */
	record Placement(String displayName, DutyRole role, long territoryId, String territoryPath, Double latitude,
			Double longitude, DutyStatus status) {
	}

	/** Updates a responder; false when there is none of that name. */
	boolean update(String username, Placement p, OffsetDateTime now, String by) {
		return jdbc.sql("""
				UPDATE alarm_responder SET display_name = :name, duty_role = :role, territory_id = :tid,
				  territory_path = :path, latitude = :lat, longitude = :lon, duty_status = :status, active = TRUE,
				  updated_at = :now, updated_by = :by WHERE username = :u""")
			.params(params(username, p, now, by)).update() > 0;
	}

	void insert(String username, Placement p, OffsetDateTime now, String by) {
		jdbc.sql("""
				INSERT INTO alarm_responder (username, display_name, duty_role, territory_id, territory_path, latitude,
				  longitude, duty_status, active, updated_at, updated_by)
				VALUES (:u, :name, :role, :tid, :path, :lat, :lon, :status, TRUE, :now, :by)""")
			.params(params(username, p, now, by)).update();
	}

	private static Map<String, Object> params(String username, Placement p, OffsetDateTime now, String by) {
		Map<String, Object> m = new java.util.HashMap<>();
		m.put("name", p.displayName());
		m.put("role", p.role().name());
		m.put("tid", p.territoryId());
		m.put("path", p.territoryPath());
		m.put("lat", p.latitude());
		m.put("lon", p.longitude());
		m.put("status", p.status().name());
		m.put("now", now);
		m.put("by", by);
		m.put("u", username);
		return m;
	}

	void setStatus(String username, DutyStatus status, OffsetDateTime now, String by) {
		jdbc.sql("UPDATE alarm_responder SET duty_status = :s, updated_at = :now, updated_by = :by WHERE username = :u")
			.param("s", status.name()).param("now", now).param("by", by).param("u", username).update();
	}

	void replaceShifts(String username, List<ResponderView.ShiftView> shifts) {
		jdbc.sql("DELETE FROM alarm_duty_shift WHERE username = :u").param("u", username).update();
		for (ResponderView.ShiftView s : shifts) {
			addShift(username, s.day(), s.start(), s.end());
		}
	}

	void addShift(String username, DayOfWeek day, LocalTime start, LocalTime end) {
		jdbc.sql("INSERT INTO alarm_duty_shift (username, day_of_week, start_time, end_time) VALUES (?, ?, ?, ?)")
			.params(username, day.getValue(), start, end).update();
	}

	/** Active responders serving a node below {@code prefix} or one of the {@code paths}. */
	List<Stored> activeAround(String prefix, List<String> paths) {
		String in = String.join(",", java.util.Collections.nCopies(paths.size(), "?"));
		List<Object> params = new ArrayList<>(paths);
		params.add(0, prefix);
		return jdbc.sql("SELECT username, display_name, duty_role, territory_id, territory_path, latitude, longitude,"
				+ " duty_status, active FROM alarm_responder WHERE active = TRUE AND (territory_path LIKE ? OR territory_path IN ("
				+ in + "))")
			.params(params).query(DutyRosterRepository::stored).list();
	}

	/** Responders by a condition on their columns, in the roster's order. */
	List<Stored> where(String where, Map<String, ?> params) {
		return jdbc.sql("SELECT username, display_name, duty_role, territory_id, territory_path, latitude, longitude,"
				+ " duty_status, active FROM alarm_responder WHERE " + where + " ORDER BY territory_path, duty_role, username")
			.params(params).query(DutyRosterRepository::stored).list();
	}

	private static Stored stored(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
		return new Stored(rs.getString(1), rs.getString(2), DutyRole.valueOf(rs.getString(3)), rs.getLong(4),
				rs.getString(5), rs.getObject(6, Double.class), rs.getObject(7, Double.class),
				DutyStatus.valueOf(rs.getString(8)), rs.getBoolean(9));
	}

	/** Shifts of one responder, by day and start. */
	List<ResponderView.ShiftView> shifts(String username) {
		return jdbc.sql(
				"SELECT day_of_week, start_time, end_time FROM alarm_duty_shift WHERE username = ? ORDER BY day_of_week, start_time")
			.param(username)
			.query((rs, n) -> new ResponderView.ShiftView(DayOfWeek.of(rs.getInt(1)), rs.getObject(2, LocalTime.class),
					rs.getObject(3, LocalTime.class)))
			.list();
	}

	/** Shifts of several responders, by user name. */
	Map<String, List<DispatchPolicy.Shift>> shifts(Collection<String> usernames) {
		Map<String, List<DispatchPolicy.Shift>> shifts = new java.util.HashMap<>();
		if (usernames.isEmpty()) {
			return shifts;
		}
		jdbc.sql("SELECT username, day_of_week, start_time, end_time FROM alarm_duty_shift WHERE username IN (:names)")
			.param("names", usernames)
			.query((rs, n) -> {
				shifts.computeIfAbsent(rs.getString(1), k -> new ArrayList<>())
					.add(new DispatchPolicy.Shift(DayOfWeek.of(rs.getInt(2)), rs.getObject(3, LocalTime.class),
							rs.getObject(4, LocalTime.class)));
				return null;
			}).list();
		return shifts;
	}
}
