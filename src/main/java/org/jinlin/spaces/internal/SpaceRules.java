package org.jinlin.spaces.internal;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * A space's booking rules as data (Spring-free): who may book, whether staff approve, the length of a booking,
 * the notice before it and the deadline to cancel it, the buffer kept free between bookings, a quota, the opening
 * hours and the blackout periods. Minutes everywhere; 0 means "no such rule" for notice, deadline, buffer and
 * maximum length.
 *
 * @param whoMayBook the kinds of booker admitted
 * @param opens opening time of each open day (local time of the space)
 * @param closes closing time of each open day, after {@code opens}
 * @param openDays the days of the week the space opens
 * @param quota a limit per booker and period, or {@code null}
 */
public record SpaceRules(Set<Booker> whoMayBook, boolean approvalRequired, int minMinutes, int maxMinutes,
		int noticeMinutes, int cancelDeadlineMinutes, int bufferMinutes, Quota quota, LocalTime opens,
		LocalTime closes, Set<DayOfWeek> openDays, List<Blackout> blackouts) {

	public SpaceRules {
		whoMayBook = whoMayBook.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(whoMayBook));
		openDays = Set.copyOf(openDays);
		blackouts = List.copyOf(blackouts);
	}

	/** Who may book a space. */
	public enum Booker {
		/** Residents of the space's community. */
		RESIDENTS,
		/** Alliance (co-building) units, booked for by their contact or by staff. */
		UNITS,
		/** Staff of the community (and above). */
		STAFF,
		/** Every signed-in account. */
		EVERYONE
	}

	/** What a quota counts. */
	public enum QuotaMeasure {
		HOURS, BOOKINGS
	}

	/** The period a quota counts over: the calendar week (Monday first) or month of the booking's start. */
	public enum QuotaPeriod {
		WEEK, MONTH
	}

	/** At most {@code limit} hours or bookings per booker in a week or month. */
	public record Quota(QuotaMeasure measure, QuotaPeriod period, int limit) {
	}

	/** A period the space cannot be booked (holiday, maintenance), from start to end. */
	public record Blackout(OffsetDateTime start, OffsetDateTime end, String reason) {
	}

	/** Permissive defaults: residents and staff, automatic, 30 minutes to 4 hours, 08:00–21:00 every day. */
	public static SpaceRules defaults() {
		return new SpaceRules(Set.of(Booker.RESIDENTS, Booker.STAFF), false, 30, 240, 0, 0, 0, null, LocalTime.of(8, 0),
				LocalTime.of(21, 0), EnumSet.allOf(DayOfWeek.class), List.of());
	}

	public boolean opensOn(LocalDate day) {
		return openDays.contains(day.getDayOfWeek());
	}

	public SpaceRules withApproval(boolean required) {
		return new SpaceRules(whoMayBook, required, minMinutes, maxMinutes, noticeMinutes, cancelDeadlineMinutes,
				bufferMinutes, quota, opens, closes, openDays, blackouts);
	}

	public SpaceRules withLength(int min, int max) {
		return new SpaceRules(whoMayBook, approvalRequired, min, max, noticeMinutes, cancelDeadlineMinutes,
				bufferMinutes, quota, opens, closes, openDays, blackouts);
	}

	public SpaceRules withNotice(int notice, int cancelDeadline) {
		return new SpaceRules(whoMayBook, approvalRequired, minMinutes, maxMinutes, notice, cancelDeadline,
				bufferMinutes, quota, opens, closes, openDays, blackouts);
	}

	public SpaceRules withBuffer(int buffer) {
		return new SpaceRules(whoMayBook, approvalRequired, minMinutes, maxMinutes, noticeMinutes,
				cancelDeadlineMinutes, buffer, quota, opens, closes, openDays, blackouts);
	}

	public SpaceRules withQuota(Quota q) {
		return new SpaceRules(whoMayBook, approvalRequired, minMinutes, maxMinutes, noticeMinutes,
				cancelDeadlineMinutes, bufferMinutes, q, opens, closes, openDays, blackouts);
	}

	public SpaceRules withWhoMayBook(Set<Booker> who) {
		return new SpaceRules(who, approvalRequired, minMinutes, maxMinutes, noticeMinutes, cancelDeadlineMinutes,
				bufferMinutes, quota, opens, closes, openDays, blackouts);
	}

	public SpaceRules withHours(LocalTime open, LocalTime close, Set<DayOfWeek> days) {
		return new SpaceRules(whoMayBook, approvalRequired, minMinutes, maxMinutes, noticeMinutes,
				cancelDeadlineMinutes, bufferMinutes, quota, open, close, days, blackouts);
	}

	public SpaceRules withBlackouts(List<Blackout> list) {
		return new SpaceRules(whoMayBook, approvalRequired, minMinutes, maxMinutes, noticeMinutes,
				cancelDeadlineMinutes, bufferMinutes, quota, opens, closes, openDays, list);
	}
}
