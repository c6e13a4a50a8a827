package org.jinlin.spaces.internal;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.jinlin.spaces.internal.SpaceRules.Booker;
import org.jinlin.spaces.internal.SpaceRules.Quota;

/**
 * The booking rules applied to one request (Spring-free): each broken rule is a {@link Problem} on a field with a
 * message code of the {@code spaces} bundle, so the API answers 400 with field errors and the page shows them
 * next to the fields. Also the expansion of a recurring booking into its dates, with the dates that conflict.
 */
public final class BookingRules {

	private final ZoneId zone;

	public BookingRules(ZoneId zone) {
		this.zone = zone;
	}

	/** A broken rule: the field it concerns and its message code. */
	public record Problem(String field, String code) {
	}

	/** A slot taken on the zone (active booking), from start to end. */
	public record Slot(OffsetDateTime start, OffsetDateTime end) {

		boolean overlaps(OffsetDateTime s, OffsetDateTime e, int bufferMinutes) {
			return start.isBefore(e.plusMinutes(bufferMinutes)) && s.isBefore(end.plusMinutes(bufferMinutes));
		}
	}

	/**
	 * A request to check.
	 *
	 * @param bookerKinds what the booker is (a resident of the community, a unit, staff); EVERYONE is implied
	 * @param onBehalf staff booking for someone else: notice and quota still apply, who-may-book is the booker's
	 * @param bookersOwn the booker's active bookings (any zone of the space), for the quota
	 */
	public record Request(OffsetDateTime start, OffsetDateTime end, Set<Booker> bookerKinds, OffsetDateTime now,
			List<Slot> bookersOwn) {
	}

	/** The problems of a request under a space's rules; empty when it may be booked (the slot aside). */
	public List<Problem> check(SpaceRules rules, Request r) {
		List<Problem> problems = new ArrayList<>();
		if (r.start() == null) {
			problems.add(new Problem("start", "spaces.error.start.required"));
		}
		if (r.end() == null) {
			problems.add(new Problem("end", "spaces.error.end.required"));
		}
		if (!problems.isEmpty()) {
			return problems;
		}
		if (!mayBook(rules, r.bookerKinds())) {
			problems.add(new Problem("zoneId", "spaces.error.notAllowed"));
		}
		if (!r.end().isAfter(r.start())) {
			problems.add(new Problem("end", "spaces.error.end.beforeStart"));
			return problems;
		}
		long minutes = Duration.between(r.start(), r.end()).toMinutes();
		if (minutes < rules.minMinutes()) {
			problems.add(new Problem("end", "spaces.error.tooShort"));
		}
		if (rules.maxMinutes() > 0 && minutes > rules.maxMinutes()) {
			problems.add(new Problem("end", "spaces.error.tooLong"));
		}
		if (r.start().isBefore(r.now())) {
			problems.add(new Problem("start", "spaces.error.past"));
		}
		else if (r.start().isBefore(r.now().plusMinutes(rules.noticeMinutes()))) {
			problems.add(new Problem("start", "spaces.error.notice"));
		}
		if (!withinOpeningHours(rules, r.start(), r.end())) {
			problems.add(new Problem("start", "spaces.error.closed"));
		}
		if (inBlackout(rules, r.start(), r.end())) {
			problems.add(new Problem("start", "spaces.error.blackout"));
		}
		if (overQuota(rules.quota(), r.start(), r.end(), r.bookersOwn())) {
			problems.add(new Problem("start", "spaces.error.quota"));
		}
		return problems;
	}

	public boolean mayBook(SpaceRules rules, Set<Booker> kinds) {
		return rules.whoMayBook().contains(Booker.EVERYONE)
				|| kinds.stream().anyMatch(k -> rules.whoMayBook().contains(k));
	}

	/** Start and end on the same open day, between opening and closing time. */
	public boolean withinOpeningHours(SpaceRules rules, OffsetDateTime start, OffsetDateTime end) {
		LocalDateTime s = start.atZoneSameInstant(zone).toLocalDateTime();
		LocalDateTime e = end.atZoneSameInstant(zone).toLocalDateTime();
		LocalDate day = s.toLocalDate();
		return rules.opensOn(day) && !s.toLocalTime().isBefore(rules.opens())
				&& !e.isAfter(day.atTime(rules.closes())) && e.toLocalDate().equals(day);
	}

	public boolean inBlackout(SpaceRules rules, OffsetDateTime start, OffsetDateTime end) {
		return rules.blackouts().stream().anyMatch(b -> b.start().isBefore(end) && start.isBefore(b.end()));
	}

	/** Whether adding the booking would pass the quota of the week or month of its start. */
	public boolean overQuota(Quota quota, OffsetDateTime start, OffsetDateTime end, List<Slot> own) {
		if (quota == null) {
			return false;
		}
		ZonedDateTime from = periodStart(quota, start);
		ZonedDateTime to = quota.period() == SpaceRules.QuotaPeriod.WEEK ? from.plusWeeks(1) : from.plusMonths(1);
		List<Slot> inPeriod = own.stream()
			.filter(o -> !o.start().isBefore(from.toOffsetDateTime()) && o.start().isBefore(to.toOffsetDateTime()))
			.toList();
		if (quota.measure() == SpaceRules.QuotaMeasure.BOOKINGS) {
			return inPeriod.size() + 1 > quota.limit();
		}
		long minutes = Duration.between(start, end).toMinutes()
				+ inPeriod.stream().mapToLong(o -> Duration.between(o.start(), o.end()).toMinutes()).sum();
		return minutes > quota.limit() * 60L;
	}

	private ZonedDateTime periodStart(Quota quota, OffsetDateTime start) {
		LocalDate day = start.atZoneSameInstant(zone).toLocalDate();
		LocalDate first = quota.period() == SpaceRules.QuotaPeriod.WEEK
				? day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)) : day.withDayOfMonth(1);
		return first.atStartOfDay(zone);
	}

	/** Whether a slot conflicts with any taken slot, keeping the buffer free on both sides. */
	public boolean conflicts(OffsetDateTime start, OffsetDateTime end, int bufferMinutes, List<Slot> taken) {
		return taken.stream().anyMatch(t -> t.overlaps(start, end, bufferMinutes));
	}

	/** May the booker still cancel a booking starting at {@code start}? */
	public boolean mayCancel(SpaceRules rules, OffsetDateTime start, OffsetDateTime now) {
		return now.isBefore(start.minusMinutes(rules.cancelDeadlineMinutes()));
	}

	/** How often a booking recurs. */
	public enum Frequency {
		WEEKLY, MONTHLY
	}

	/**
	 * A recurrence: every week or month (same weekday and time; monthly on the same day of the month, months without
	 * that day skipped) until a date (inclusive) or a number of times, at most {@link #MAX_OCCURRENCES}.
	 */
	public record Recurrence(Frequency frequency, LocalDate until, Integer count) {
	}

	public static final int MAX_OCCURRENCES = 104;

	/** One date of a recurring booking and whether it conflicts with a taken slot or breaks a rule. */
	public record Occurrence(OffsetDateTime start, OffsetDateTime end, boolean conflict, List<Problem> problems) {

		public boolean bookable() {
			return !conflict && problems.isEmpty();
		}
	}

	/** The dates of a recurring booking, the first being the request itself. */
	public List<Occurrence> expand(SpaceRules rules, Request first, Recurrence recurrence, List<Slot> taken) {
		List<Occurrence> out = new ArrayList<>();
		ZonedDateTime s0 = first.start().atZoneSameInstant(zone);
		Duration length = Duration.between(first.start(), first.end());
		int limit = recurrence.count() != null ? Math.min(recurrence.count(), MAX_OCCURRENCES) : MAX_OCCURRENCES;
		List<Slot> own = new ArrayList<>(first.bookersOwn());
		for (int i = 0; out.size() < limit && i < MAX_OCCURRENCES * 2; i++) {
			ZonedDateTime s = recurrence.frequency() == Frequency.WEEKLY ? s0.plusWeeks(i) : s0.plusMonths(i);
			if (recurrence.frequency() == Frequency.MONTHLY && s.getDayOfMonth() != s0.getDayOfMonth()) {
				continue;
			}
			if (recurrence.until() != null && s.toLocalDate().isAfter(recurrence.until())) {
				break;
			}
			if (recurrence.count() == null && recurrence.until() == null && i > 0) {
				break;
			}
			OffsetDateTime start = s.toOffsetDateTime();
			OffsetDateTime end = start.plus(length);
			List<Problem> problems = check(rules, new Request(start, end, first.bookerKinds(), first.now(), own));
			boolean conflict = conflicts(start, end, rules.bufferMinutes(), taken);
			out.add(new Occurrence(start, end, conflict, problems));
			if (!conflict && problems.isEmpty()) {
				own.add(new Slot(start, end));
			}
		}
		return out;
	}
}
