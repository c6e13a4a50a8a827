package org.jinlin.demands.internal;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Computes deadlines on the working calendar (office hours, weekends, the holiday calendar kept in
 * {@code demand_calendar_day}). {@code jinlin.demands.deadline-override} replaces every deadline with a
 * fixed duration: for demonstrations and tests of escalation, never in production.
 */
@Component
public class DemandDeadlines {

	static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

	private final JdbcClient jdbc;

	private final Duration override;

	private final Duration evaluationWindow;

	DemandDeadlines(JdbcClient jdbc, @Value("${jinlin.demands.deadline-override:}") Duration override,
			@Value("${jinlin.demands.evaluation-window:P7D}") Duration evaluationWindow) {
		this.jdbc = jdbc;
		this.override = override;
		this.evaluationWindow = evaluationWindow;
	}

	Instant due(Instant from, int amount, DeadlineUnit unit) {
		if (override != null && !override.isZero()) {
			return from.plus(override);
		}
		return calendar().plus(from, amount, unit);
	}

	Instant addWorkingDays(Instant from, int days) {
		if (override != null && !override.isZero()) {
			return from.plus(override.multipliedBy(days));
		}
		return calendar().plus(from, days, DeadlineUnit.WORKING_DAYS);
	}

	/** When the resident's rating window closes: calendar time, not working time. */
	Instant evaluationCloses(Instant resolvedAt) {
		return resolvedAt.plus(evaluationWindow);
	}

	Duration evaluationWindow() {
		return evaluationWindow;
	}

	WorkingCalendar calendar() {
		Map<LocalDate, Boolean> exceptions = new HashMap<>();
		jdbc.sql("SELECT calendar_date, working FROM demand_calendar_day").query(rs -> {
			exceptions.put(rs.getObject(1, LocalDate.class), rs.getBoolean(2));
		});
		return new WorkingCalendar(ZONE, WorkingCalendar.DEFAULT_WINDOWS, exceptions);
	}

	/** The holiday calendar, for its admin page. */
	List<CalendarDay> days() {
		return jdbc.sql("SELECT calendar_date, working, name FROM demand_calendar_day ORDER BY calendar_date")
			.query((rs, n) -> new CalendarDay(rs.getObject(1, LocalDate.class), rs.getBoolean(2), rs.getString(3)))
			.list();
	}

	record CalendarDay(LocalDate day, boolean working, String name) {
	}
}
