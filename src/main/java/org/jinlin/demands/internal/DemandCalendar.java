package org.jinlin.demands.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.jinlin.shared.CurrentActor;
import org.jinlin.shared.ForbiddenException;
import org.jinlin.shared.Role;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The holiday calendar behind the working-time deadlines: public holidays (not working) and make-up
 * working days (调休, working) that differ from the Monday-to-Friday rule. Administrators only.
 */
@Service
@Transactional
public class DemandCalendar {

	public static final int NAME_MAX = 100;

	private final DemandDeadlines deadlines;

	private final JdbcClient jdbc;

	private final FieldErrors errors;

	DemandCalendar(DemandDeadlines deadlines, JdbcClient jdbc, FieldErrors errors) {
		this.deadlines = deadlines;
		this.jdbc = jdbc;
		this.errors = errors;
	}

	/** One exception to the weekly rule. */
	public record Day(LocalDate date, boolean working, String name) {
	}

	@Transactional(readOnly = true)
	public List<Day> days() {
		requireAdministrator();
		return deadlines.days().stream().map(d -> new Day(d.day(), d.working(), d.name())).toList();
	}

	/** Adds a day, or replaces the entry of the same date. */
	public Day save(LocalDate date, Boolean working, String name) {
		requireAdministrator();
		List<FieldErrors.FieldError> problems = new ArrayList<>();
		if (date == null) {
			problems.add(new FieldErrors.FieldError("date", "demands.desk.calendar.date.required"));
		}
		if (working == null) {
			problems.add(new FieldErrors.FieldError("working", "demands.desk.calendar.working.required"));
		}
		String n = name == null ? "" : name.strip();
		if (n.isEmpty() || n.length() > NAME_MAX) {
			problems.add(new FieldErrors.FieldError("name", "demands.desk.calendar.name.invalid", NAME_MAX));
		}
		errors.failIfAny(problems);
		int changed = jdbc.sql("UPDATE demand_calendar_day SET working = ?, name = ? WHERE calendar_date = ?")
			.params(working, n, date).update();
		if (changed == 0) {
			jdbc.sql("INSERT INTO demand_calendar_day (calendar_date, working, name) VALUES (?, ?, ?)")
				.params(date, working, n).update();
		}
		return new Day(date, working, n);
	}

	/** Removes a day; the weekly rule applies to it again. Returns whether there was one. */
	public boolean remove(LocalDate date) {
		requireAdministrator();
		return jdbc.sql("DELETE FROM demand_calendar_day WHERE calendar_date = ?").param(date).update() > 0;
	}

	private static void requireAdministrator() {
		if (!CurrentActor.require().has(Role.ADMINISTRATOR)) {
			throw new ForbiddenException("Only administrators edit the holiday calendar");
		}
	}
}
