package org.jinlin.demands.internal;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;

/**
 * Working time for deadlines: Monday to Friday unless the holiday calendar says otherwise
 * (public holidays off, make-up working days (调休) on), within the daily office windows.
 * A deadline of N working hours ends when N hours of office time have passed; N working days
 * are N full office days of time, so a demand signed on Monday at 10:00 with one working day
 * is due on Tuesday at 10:00. Spring-free, so the rule is tested on its own.
 */
public final class WorkingCalendar {

	/** One office window of a working day, e.g. 08:30–12:00. */
	record Window(LocalTime from, LocalTime to) {
		Window {
			if (!from.isBefore(to)) {
				throw new IllegalArgumentException("A window ends after it starts");
			}
		}

		Duration length() {
			return Duration.between(from, to);
		}
	}

	/** Fuzhou's usual office hours: 08:00–12:00 and 14:30–17:30 (7 hours). */
	static final List<Window> DEFAULT_WINDOWS = List.of(new Window(LocalTime.of(8, 0), LocalTime.of(12, 0)),
			new Window(LocalTime.of(14, 30), LocalTime.of(17, 30)));

	private final ZoneId zone;

	private final List<Window> windows;

	private final Map<LocalDate, Boolean> exceptions;

	WorkingCalendar(ZoneId zone, List<Window> windows, Map<LocalDate, Boolean> exceptions) {
		this.zone = zone;
		this.windows = List.copyOf(windows);
		this.exceptions = Map.copyOf(exceptions);
		if (this.windows.isEmpty()) {
			throw new IllegalArgumentException("At least one office window");
		}
	}

	boolean isWorkingDay(LocalDate day) {
		Boolean exception = exceptions.get(day);
		if (exception != null) {
			return exception;
		}
		DayOfWeek dow = day.getDayOfWeek();
		return dow != DayOfWeek.SATURDAY && dow != DayOfWeek.SUNDAY;
	}

	Duration workingDayLength() {
		return windows.stream().map(Window::length).reduce(Duration.ZERO, Duration::plus);
	}

	Instant plus(Instant start, int amount, DeadlineUnit unit) {
		if (amount <= 0) {
			throw new IllegalArgumentException("A deadline is positive");
		}
		Duration work = unit == DeadlineUnit.WORKING_HOURS ? Duration.ofHours(amount)
				: workingDayLength().multipliedBy(amount);
		return plus(start, work);
	}

	/** The instant when {@code work} of office time has passed after {@code start}. */
	Instant plus(Instant start, Duration work) {
		ZonedDateTime at = start.atZone(zone);
		LocalDate day = at.toLocalDate();
		LocalTime time = at.toLocalTime();
		Duration left = work;
		for (int guard = 0; guard < 3660; guard++) {
			if (isWorkingDay(day)) {
				for (Window w : windows) {
					if (!time.isBefore(w.to())) {
						continue;
					}
					LocalTime from = time.isAfter(w.from()) ? time : w.from();
					Duration available = Duration.between(from, w.to());
					if (left.compareTo(available) <= 0) {
						return LocalDateTime.of(day, from.plus(left)).atZone(zone).toInstant();
					}
					left = left.minus(available);
					time = w.to();
				}
			}
			day = day.plusDays(1);
			time = LocalTime.MIN;
		}
		throw new IllegalStateException("No working time within ten years");
	}

	/** Office time between two instants (zero if {@code to} is not after {@code from}). */
	Duration between(Instant from, Instant to) {
		if (!to.isAfter(from)) {
			return Duration.ZERO;
		}
		Duration total = Duration.ZERO;
		ZonedDateTime start = from.atZone(zone);
		ZonedDateTime end = to.atZone(zone);
		for (LocalDate day = start.toLocalDate(); !day.isAfter(end.toLocalDate()); day = day.plusDays(1)) {
			if (!isWorkingDay(day)) {
				continue;
			}
			for (Window w : windows) {
				ZonedDateTime a = LocalDateTime.of(day, w.from()).atZone(zone);
				ZonedDateTime b = LocalDateTime.of(day, w.to()).atZone(zone);
				ZonedDateTime lo = a.isAfter(start) ? a : start;
				ZonedDateTime hi = b.isBefore(end) ? b : end;
				if (hi.isAfter(lo)) {
					total = total.plus(Duration.between(lo, hi));
				}
			}
		}
		return total;
	}
}
