package org.jinlin.demands.internal;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

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

	/**
	 * When a demand sent now must be signed for: in calendar minutes for an urgent answer (not touched by the
	 * override: they are short already), else in the category's working time.
	 */
	Instant signDue(Instant now, DemandCategory category, Optional<UrgentAnswer> urgent) {
		return urgent.map(u -> UrgentAnswers.signDue(now, u))
			.orElseGet(() -> due(now, category.signDeadline(), category.signDeadlineUnit()));
	}

	/** When a demand signed for now must be handled; see {@link #signDue}. */
	Instant handleDue(Instant now, DemandCategory category, Optional<UrgentAnswer> urgent) {
		return urgent.map(u -> UrgentAnswers.handleDue(now, u))
			.orElseGet(() -> due(now, category.handleDeadline(), category.handleDeadlineUnit()));
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
