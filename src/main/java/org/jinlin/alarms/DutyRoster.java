package org.jinlin.alarms;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.jinlin.accounts.AccountManagement;
import org.jinlin.shared.Actor;
import org.jinlin.shared.CurrentActor;
import org.jinlin.shared.ForbiddenException;
import org.jinlin.shared.NotFoundException;
import org.jinlin.shared.Role;
import org.jinlin.territory.Territories;
import org.jinlin.territory.TerritoryNode;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Responders, their on-duty status and the weekly duty rota. Staff who may manage responders: community workers,
 * street/district/city officials and administrators, for accounts serving nodes in their jurisdiction. Any
 * responder may switch their own status on or off duty.
 */
@Service
@Transactional
public class DutyRoster {

	static final Role[] MANAGERS = { Role.COMMUNITY_WORKER, Role.STREET_OFFICIAL, Role.DISTRICT_OFFICIAL,
			Role.CITY_OFFICIAL, Role.ADMINISTRATOR };

	private final JdbcClient jdbc;

	private final Territories territories;

	private final AccountManagement accounts;

	private final AlarmErrors errors;

	private final ZoneId zone;

	private final Clock clock = Clock.systemUTC();

	DutyRoster(JdbcClient jdbc, Territories territories, AccountManagement accounts, AlarmErrors errors,
			@Value("${jinlin.alarms.zone:Asia/Shanghai}") ZoneId zone) {
		this.jdbc = jdbc;
		this.territories = territories;
		this.accounts = accounts;
		this.errors = errors;
		this.zone = zone;
	}

	// ------------------------------------------------------------------ queries

	/** Responders serving nodes in the caller's jurisdiction (staff only). */
	@Transactional(readOnly = true)
	public List<ResponderView> responders() {
		Actor actor = CurrentActor.require();
		if (!actor.isStaff()) {
			throw new ForbiddenException("Only staff see the duty roster");
		}
		return load("territory_path LIKE :prefix", Map.of("prefix", actor.jurisdiction().likePattern()));
	}

	/** The caller's own responder record, if they are one. */
	@Transactional(readOnly = true)
	public Optional<ResponderView> mine() {
		Actor actor = CurrentActor.require();
		return load("username = :u", Map.of("u", actor.name())).stream().findFirst();
	}

	// ------------------------------------------------------------------ commands

	/** Registers an account as a responder, or changes its role, node or status. */
	public ResponderView register(ResponderDraft draft) {
		Actor actor = CurrentActor.require();
		if (!actor.hasAny(MANAGERS)) {
			throw new ForbiddenException("Only community workers and officials manage responders");
		}
		List<AlarmErrors.FieldError> problems = new ArrayList<>();
		DutyRole role = AlarmErrors.parse(DutyRole.class, draft.role(), "role", problems);
		DutyStatus status = draft.dutyStatus() == null || draft.dutyStatus().isBlank() ? DutyStatus.ROTA
				: AlarmErrors.parse(DutyStatus.class, draft.dutyStatus(), "dutyStatus", problems);
		Optional<AccountManagement.AccountReference> account = accounts.lookup(draft.username());
		if (account.isEmpty()) {
			problems.add(new AlarmErrors.FieldError("username", "alarms.responder.unknown-account"));
		}
		TerritoryNode node = null;
		if (account.isPresent()) {
			String code = draft.territoryCode() == null || draft.territoryCode().isBlank() ? null : draft.territoryCode().strip();
			node = code == null ? territories.lookup(account.get().territoryId()).orElse(null)
					: territories.lookupByCode(code).orElse(null);
			if (node == null) {
				problems.add(new AlarmErrors.FieldError("territoryCode", "alarms.responder.unknown-territory"));
			}
			else if (!actor.covers(node.path())) {
				problems.add(new AlarmErrors.FieldError("territoryCode", "alarms.responder.outside-jurisdiction"));
			}
		}
		errors.failIfAny(problems);
		OffsetDateTime now = OffsetDateTime.now(clock);
		TerritoryNode at = node;
		int updated = jdbc.sql("""
				UPDATE alarm_responder SET display_name = :name, duty_role = :role, territory_id = :tid,
				  territory_path = :path, latitude = :lat, longitude = :lon, duty_status = :status, active = TRUE,
				  updated_at = :now, updated_by = :by WHERE username = :u""")
			.param("name", account.get().displayName()).param("role", role.name()).param("tid", at.id())
			.param("path", at.path()).param("lat", at.latitude()).param("lon", at.longitude())
			.param("status", status.name()).param("now", now).param("by", actor.name())
			.param("u", account.get().username()).update();
		if (updated == 0) {
			jdbc.sql("""
					INSERT INTO alarm_responder (username, display_name, duty_role, territory_id, territory_path, latitude,
					  longitude, duty_status, active, updated_at, updated_by)
					VALUES (:u, :name, :role, :tid, :path, :lat, :lon, :status, TRUE, :now, :by)""")
				.param("name", account.get().displayName()).param("role", role.name()).param("tid", at.id())
				.param("path", at.path()).param("lat", at.latitude()).param("lon", at.longitude())
				.param("status", status.name()).param("now", now).param("by", actor.name())
				.param("u", account.get().username()).update();
		}
		return load("username = :u", Map.of("u", account.get().username())).get(0);
	}

	/** Switches a responder on or off duty (or back to the rota): themselves, or a manager in jurisdiction. */
	public ResponderView setStatus(String username, DutyStatus status) {
		Actor actor = CurrentActor.require();
		ResponderView r = manageable(actor, username, true);
		jdbc.sql("UPDATE alarm_responder SET duty_status = :s, updated_at = :now, updated_by = :by WHERE username = :u")
			.param("s", status.name()).param("now", OffsetDateTime.now(clock)).param("by", actor.name())
			.param("u", r.username()).update();
		return load("username = :u", Map.of("u", r.username())).get(0);
	}

	/** Replaces a responder's weekly rota (managers only). */
	public ResponderView setShifts(String username, List<ResponderView.ShiftView> shifts) {
		Actor actor = CurrentActor.require();
		ResponderView r = manageable(actor, username, false);
		List<AlarmErrors.FieldError> problems = new ArrayList<>();
		for (int i = 0; i < shifts.size(); i++) {
			ResponderView.ShiftView s = shifts.get(i);
			if (s.day() == null || s.start() == null || s.end() == null) {
				problems.add(new AlarmErrors.FieldError("shifts[" + i + "]", "alarms.shift.incomplete"));
			}
			else if (s.start().equals(s.end())) {
				problems.add(new AlarmErrors.FieldError("shifts[" + i + "]", "alarms.shift.empty"));
			}
		}
		errors.failIfAny(problems);
		jdbc.sql("DELETE FROM alarm_duty_shift WHERE username = :u").param("u", r.username()).update();
		for (ResponderView.ShiftView s : shifts) {
			jdbc.sql("INSERT INTO alarm_duty_shift (username, day_of_week, start_time, end_time) VALUES (?, ?, ?, ?)")
				.params(r.username(), s.day().getValue(), s.start(), s.end()).update();
		}
		return load("username = :u", Map.of("u", r.username())).get(0);
	}

	private ResponderView manageable(Actor actor, String username, boolean selfAllowed) {
		List<ResponderView> found = load("username = :u", Map.of("u", username == null ? "" : username.strip()));
		if (found.isEmpty()) {
			throw new NotFoundException("No such responder");
		}
		ResponderView r = found.get(0);
		if (selfAllowed && r.username().equals(actor.name())) {
			return r;
		}
		String path = territories.lookup(r.territoryId()).map(TerritoryNode::path).orElse("/");
		if (!actor.isStaff() || !actor.covers(path)) {
			throw new NotFoundException("No such responder");
		}
		if (!actor.hasAny(MANAGERS)) {
			throw new ForbiddenException("Only community workers and officials manage responders");
		}
		return r;
	}

	// ------------------------------------------------------------------ for the desk

	/** Every active responder whose node is on the way from the root to {@code path} or below {@code prefix}. */
	List<DispatchPolicy.Responder> around(String streetPath, Instant at) {
		LocalDateTime local = LocalDateTime.ofInstant(at, zone);
		Map<String, List<DispatchPolicy.Shift>> shifts = new HashMap<>();
		List<String> ancestors = ancestors(streetPath);
		String in = String.join(",", java.util.Collections.nCopies(ancestors.size(), "?"));
		List<Object> params = new ArrayList<>(ancestors);
		params.add(0, streetPath + "%");
		List<Object[]> rows = jdbc.sql("SELECT username, display_name, duty_role, territory_path, latitude, longitude, duty_status"
				+ " FROM alarm_responder WHERE active = TRUE AND (territory_path LIKE ? OR territory_path IN (" + in + "))")
			.params(params)
			.query((rs, n) -> new Object[] { rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
					rs.getObject(5, Double.class), rs.getObject(6, Double.class), rs.getString(7) })
			.list();
		if (!rows.isEmpty()) {
			List<String> names = rows.stream().map(r -> (String) r[0]).toList();
			jdbc.sql("SELECT username, day_of_week, start_time, end_time FROM alarm_duty_shift WHERE username IN (:names)")
				.param("names", names)
				.query((rs, n) -> {
					shifts.computeIfAbsent(rs.getString(1), k -> new ArrayList<>())
						.add(new DispatchPolicy.Shift(DayOfWeek.of(rs.getInt(2)), rs.getObject(3, LocalTime.class),
								rs.getObject(4, LocalTime.class)));
					return null;
				}).list();
		}
		return rows.stream().map(r -> new DispatchPolicy.Responder((String) r[0], (String) r[1], DutyRole.valueOf((String) r[2]),
				(String) r[3], (Double) r[4], (Double) r[5],
				DispatchPolicy.onDuty(DutyStatus.valueOf((String) r[6]), shifts.getOrDefault((String) r[0], List.of()), local)))
			.toList();
	}

	static List<String> ancestors(String path) {
		List<String> out = new ArrayList<>();
		StringBuilder b = new StringBuilder("/");
		for (String part : Arrays.stream(path.split("/")).filter(s -> !s.isEmpty()).toList()) {
			b.append(part).append('/');
			out.add(b.toString());
		}
		return out;
	}

	private List<ResponderView> load(String where, Map<String, ?> params) {
		LocalDateTime local = LocalDateTime.ofInstant(clock.instant(), zone);
		List<Object[]> rows = jdbc.sql("SELECT username, display_name, duty_role, territory_id, duty_status, active"
				+ " FROM alarm_responder WHERE " + where + " ORDER BY territory_path, duty_role, username")
			.params(params)
			.query((rs, n) -> new Object[] { rs.getString(1), rs.getString(2), rs.getString(3), rs.getLong(4),
					rs.getString(5), rs.getBoolean(6) })
			.list();
		List<ResponderView> out = new ArrayList<>();
		for (Object[] r : rows) {
			String u = (String) r[0];
			List<ResponderView.ShiftView> shifts = jdbc.sql(
					"SELECT day_of_week, start_time, end_time FROM alarm_duty_shift WHERE username = ? ORDER BY day_of_week, start_time")
				.param(u)
				.query((rs, n) -> new ResponderView.ShiftView(DayOfWeek.of(rs.getInt(1)), rs.getObject(2, LocalTime.class),
						rs.getObject(3, LocalTime.class)))
				.list();
			DutyStatus status = DutyStatus.valueOf((String) r[4]);
			boolean onDuty = DispatchPolicy.onDuty(status, shifts.stream()
				.map(s -> new DispatchPolicy.Shift(s.day(), s.start(), s.end())).toList(), local);
			long tid = (Long) r[3];
			String tname = territories.lookup(tid).map(TerritoryNode::name).orElse("");
			out.add(new ResponderView(u, (String) r[1], DutyRole.valueOf((String) r[2]), tid, tname, status,
					onDuty && (Boolean) r[5], (Boolean) r[5], shifts));
		}
		return out;
	}

	static OffsetDateTime ts(Instant i) {
		return i == null ? null : i.atOffset(ZoneOffset.UTC);
	}
}
