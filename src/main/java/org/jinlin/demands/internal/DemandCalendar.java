package org.jinlin.demands.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import lombok.RequiredArgsConstructor;
import org.jinlin.shared.CurrentActor;
import org.jinlin.shared.ForbiddenException;
import org.jinlin.shared.Role;
import org.jinlin.shared.web.FieldErrors.FieldError;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The holiday calendar behind the working-time deadlines: public holidays (not working) and make-up
 * working days (调休, working) that differ from the Monday-to-Friday rule. Administrators only.
 */
@Service
@Transactional
@RequiredArgsConstructor
public class DemandCalendar {

	public static final int NAME_MAX = 100;

	private final DemandCalendarRepository repository;

	private final DemandChecks errors;

	/** One exception to the weekly rule. */
	public record Day(LocalDate date, boolean working, String name) {
	}

	@Transactional(readOnly = true)
	public List<Day> days() {
		requireAdministrator();
		return repository.days().stream().map(d -> new Day(d.day(), d.working(), d.name())).toList();
	}

	/** Adds a day, or replaces the entry of the same date. */
	public Day save(LocalDate date, Boolean working, String name) {
		requireAdministrator();
		List<FieldError> problems = new ArrayList<>();
		if (date == null) {
			problems.add(new FieldError("date", "demands.desk.calendar.date.required"));
		}
		if (working == null) {
			problems.add(new FieldError("working", "demands.desk.calendar.working.required"));
		}
		String n = name == null ? "" : name.strip();
		if (n.isEmpty() || n.length() > NAME_MAX) {
			problems.add(new FieldError("name", "demands.desk.calendar.name.invalid", NAME_MAX));
		}
		errors.failIfAny(problems);
		repository.save(date, working, n);
		return new Day(date, working, n);
	}

	/** Removes a day; the weekly rule applies to it again. Returns whether there was one. */
	public boolean remove(LocalDate date) {
		requireAdministrator();
		return repository.remove(date);
	}

	private static void requireAdministrator() {
		if (!CurrentActor.require().has(Role.ADMINISTRATOR)) {
			throw new ForbiddenException("Only administrators edit the holiday calendar");
		}
	}
}
