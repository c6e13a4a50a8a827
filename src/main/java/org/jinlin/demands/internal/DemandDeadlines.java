package org.jinlin.demands.internal;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import lombok.RequiredArgsConstructor;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Computes deadlines on the working calendar (office hours, weekends, the holiday calendar kept in
 * {@code demand_calendar_day}). {@code jinlin.demands.deadline-override} replaces every deadline with a
 * fixed duration: for showing and testing escalation, never in production.
 */
@Component
@RequiredArgsConstructor
public class DemandDeadlines {

	static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

	private final DemandCalendarRepository calendar;

	@Value("${jinlin.demands.deadline-override:}")
	private final Duration override;

	@Value("${jinlin.demands.evaluation-window:P7D}")
	private final Duration evaluationWindow;

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
		return new WorkingCalendar(ZONE, WorkingCalendar.DEFAULT_WINDOWS, calendar.exceptions());
	}
}
