package org.jinlin.spaces.internal;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

import org.jinlin.spaces.internal.BookingRules.Frequency;
import org.jinlin.spaces.internal.BookingRules.Occurrence;
import org.jinlin.spaces.internal.BookingRules.Problem;
import org.jinlin.spaces.internal.BookingRules.Recurrence;
import org.jinlin.spaces.internal.BookingRules.Request;
import org.jinlin.spaces.internal.BookingRules.Slot;
import org.jinlin.spaces.internal.SpaceRules.Blackout;
import org.jinlin.spaces.internal.SpaceRules.Booker;
import org.jinlin.spaces.internal.SpaceRules.Quota;
import org.jinlin.spaces.internal.SpaceRules.QuotaMeasure;
import org.jinlin.spaces.internal.SpaceRules.QuotaPeriod;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;

/** The booking rules, table-driven: each row a rule set, a request and the problems it must raise (or none). */
class BookingRulesTests {

	static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

	static final BookingRules RULES = new BookingRules(SHANGHAI);

	/** Wednesday 2030-01-09 09:00 in Fuzhou. */
	static final OffsetDateTime NOW = OffsetDateTime.parse("2030-01-09T09:00+08:00");

	static OffsetDateTime at(String localDateTime) {
		return OffsetDateTime.parse(localDateTime + "+08:00");
	}

	static final Set<Booker> RESIDENT = Set.of(Booker.RESIDENTS);

	static Arguments row(String name, UnaryOperator<SpaceRules> rules, String start, String end, Set<Booker> who,
			List<Slot> own, String... codes) {
		return Arguments.of(name, rules.apply(SpaceRules.defaults()), at(start), at(end), who, own, List.of(codes));
	}

	static Stream<Arguments> requests() {
		List<Slot> none = List.of();
		// the resident already holds Thursday 10-12 and Friday 10-11 (same week), and 2030-01-02 10-11 (last week)
		List<Slot> held = List.of(new Slot(at("2030-01-10T10:00"), at("2030-01-10T12:00")),
				new Slot(at("2030-01-11T10:00"), at("2030-01-11T11:00")),
				new Slot(at("2030-01-02T10:00"), at("2030-01-02T11:00")));
		return Stream.of(
				row("an ordinary hour", r -> r, "2030-01-10T14:00", "2030-01-10T15:00", RESIDENT, none),
				row("end before start", r -> r, "2030-01-10T15:00", "2030-01-10T14:00", RESIDENT, none,
						"spaces.error.end.beforeStart"),
				row("shorter than the minimum", r -> r, "2030-01-10T14:00", "2030-01-10T14:15", RESIDENT, none,
						"spaces.error.tooShort"),
				row("longer than the maximum", r -> r.withLength(30, 120), "2030-01-10T09:00", "2030-01-10T12:00",
						RESIDENT, none, "spaces.error.tooLong"),
				row("no maximum when 0", r -> r.withLength(30, 0), "2030-01-10T08:00", "2030-01-10T21:00", RESIDENT,
						none),
				row("in the past", r -> r, "2030-01-08T14:00", "2030-01-08T15:00", RESIDENT, none,
						"spaces.error.past"),
				row("less notice than required", r -> r.withNotice(24 * 60, 0), "2030-01-09T20:00",
						"2030-01-09T21:00", RESIDENT, none, "spaces.error.notice"),
				row("exactly the notice", r -> r.withNotice(24 * 60, 0), "2030-01-10T09:00", "2030-01-10T10:00",
						RESIDENT, none),
				row("before opening", r -> r, "2030-01-10T07:30", "2030-01-10T08:30", RESIDENT, none,
						"spaces.error.closed"),
				row("past closing", r -> r, "2030-01-10T20:30", "2030-01-10T21:30", RESIDENT, none,
						"spaces.error.closed"),
				row("up to closing", r -> r, "2030-01-10T20:00", "2030-01-10T21:00", RESIDENT, none),
				row("closed on Sunday",
						r -> r.withHours(LocalTime.of(8, 0), LocalTime.of(21, 0),
								EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.SATURDAY)),
						"2030-01-13T10:00", "2030-01-13T11:00", RESIDENT, none, "spaces.error.closed"),
				row("in a blackout",
						r -> r.withBlackouts(List.of(new Blackout(at("2030-01-10T00:00"), at("2030-01-11T00:00"), "维修"))),
						"2030-01-10T10:00", "2030-01-10T11:00", RESIDENT, none, "spaces.error.blackout"),
				row("right after a blackout",
						r -> r.withBlackouts(List.of(new Blackout(at("2030-01-10T00:00"), at("2030-01-10T10:00"), "维修"))),
						"2030-01-10T10:00", "2030-01-10T11:00", RESIDENT, none),
				row("units only, resident refused", r -> r.withWhoMayBook(Set.of(Booker.UNITS)), "2030-01-10T14:00",
						"2030-01-10T15:00", RESIDENT, none, "spaces.error.notAllowed"),
				row("everyone admits anyone", r -> r.withWhoMayBook(Set.of(Booker.EVERYONE)), "2030-01-10T14:00",
						"2030-01-10T15:00", Set.of(), none),
				row("staff admitted", r -> r.withWhoMayBook(Set.of(Booker.STAFF)), "2030-01-10T14:00",
						"2030-01-10T15:00", Set.of(Booker.STAFF), none),
				row("hour quota: 3 held + 1 = 4 of 4", r -> r.withQuota(new Quota(QuotaMeasure.HOURS, QuotaPeriod.WEEK, 4)),
						"2030-01-12T14:00", "2030-01-12T15:00", RESIDENT, held),
				row("hour quota: 3 held + 2 > 4", r -> r.withQuota(new Quota(QuotaMeasure.HOURS, QuotaPeriod.WEEK, 4)),
						"2030-01-12T14:00", "2030-01-12T16:00", RESIDENT, held, "spaces.error.quota"),
				row("week quota: next week starts afresh",
						r -> r.withQuota(new Quota(QuotaMeasure.BOOKINGS, QuotaPeriod.WEEK, 2)), "2030-01-14T14:00",
						"2030-01-14T15:00", RESIDENT, held),
				row("booking quota: third in the week > 2",
						r -> r.withQuota(new Quota(QuotaMeasure.BOOKINGS, QuotaPeriod.WEEK, 2)), "2030-01-12T14:00",
						"2030-01-12T15:00", RESIDENT, held, "spaces.error.quota"),
				row("month quota counts last week too",
						r -> r.withQuota(new Quota(QuotaMeasure.BOOKINGS, QuotaPeriod.MONTH, 3)), "2030-01-20T14:00",
						"2030-01-20T15:00", RESIDENT, held, "spaces.error.quota"),
				row("month quota: February starts afresh",
						r -> r.withQuota(new Quota(QuotaMeasure.BOOKINGS, QuotaPeriod.MONTH, 3)), "2030-02-01T14:00",
						"2030-02-01T15:00", RESIDENT, held),
				row("several rules at once", r -> r.withLength(60, 120), "2030-01-10T07:00", "2030-01-10T07:30",
						RESIDENT, none, "spaces.error.tooShort", "spaces.error.closed"));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("requests")
	void checksEachRule(String name, SpaceRules rules, OffsetDateTime start, OffsetDateTime end, Set<Booker> who,
			List<Slot> own, List<String> codes) {
		List<Problem> problems = RULES.check(rules, new Request(start, end, who, NOW, own));
		assertThat(problems).extracting(Problem::code).containsExactlyInAnyOrderElementsOf(codes);
	}

	@Test
	void missingTimesAreFieldErrors() {
		assertThat(RULES.check(SpaceRules.defaults(), new Request(null, null, RESIDENT, NOW, List.of())))
			.extracting(Problem::field).containsExactly("start", "end");
	}

	static Stream<Arguments> buffers() {
		List<Slot> taken = List.of(new Slot(at("2030-01-10T10:00"), at("2030-01-10T11:00")));
		return Stream.of(Arguments.of("overlapping", 0, "10:30", "11:30", taken, true),
				Arguments.of("back to back, no buffer", 0, "11:00", "12:00", taken, false),
				Arguments.of("back to back inside a 15-minute buffer", 15, "11:00", "12:00", taken, true),
				Arguments.of("just after the buffer", 15, "11:15", "12:00", taken, false),
				Arguments.of("just before, buffer", 15, "09:00", "09:50", taken, true),
				Arguments.of("before, leaving the buffer", 15, "09:00", "09:45", taken, false),
				Arguments.of("nothing taken", 15, "10:00", "11:00", List.of(), false));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("buffers")
	void keepsTheBufferFreeBetweenBookings(String name, int buffer, String start, String end, List<Slot> taken,
			boolean conflict) {
		assertThat(RULES.conflicts(at("2030-01-10T" + start), at("2030-01-10T" + end), buffer, taken))
			.isEqualTo(conflict);
	}

	@Test
	void cancellationUntilTheDeadline() {
		SpaceRules rules = SpaceRules.defaults().withNotice(0, 120);
		OffsetDateTime start = at("2030-01-10T14:00");
		assertThat(RULES.mayCancel(rules, start, at("2030-01-10T11:59"))).isTrue();
		assertThat(RULES.mayCancel(rules, start, at("2030-01-10T12:00"))).isFalse();
		assertThat(RULES.mayCancel(SpaceRules.defaults(), start, at("2030-01-10T13:59"))).isTrue();
	}

	@Test
	void weeklyUntilADateListsTheConflictingDates() {
		// weekly dance class Thursdays 19:00-20:30 until 2030-02-07; 01-24 is taken, 01-31 is a blackout
		SpaceRules rules = SpaceRules.defaults()
			.withBlackouts(List.of(new Blackout(at("2030-01-31T00:00"), at("2030-02-01T00:00"), "春节")));
		List<Slot> taken = List.of(new Slot(at("2030-01-24T19:30"), at("2030-01-24T20:00")));
		List<Occurrence> dates = RULES.expand(rules,
				new Request(at("2030-01-10T19:00"), at("2030-01-10T20:30"), RESIDENT, NOW, List.of()),
				new Recurrence(Frequency.WEEKLY, LocalDate.of(2030, 2, 7), null), taken);
		assertThat(dates).extracting(o -> o.start().toLocalDate().toString()).containsExactly("2030-01-10",
				"2030-01-17", "2030-01-24", "2030-01-31", "2030-02-07");
		assertThat(dates).filteredOn(o -> !o.bookable()).extracting(o -> o.start().toLocalDate().toString())
			.containsExactly("2030-01-24", "2030-01-31");
		assertThat(dates.get(2).conflict()).isTrue();
		assertThat(dates.get(3).problems()).extracting(Problem::code).containsExactly("spaces.error.blackout");
	}

	@Test
	void monthlyNTimesSkipsMonthsWithoutTheDayAndCountsTheQuota() {
		// monthly alliance meeting on the 31st, 4 times: February, April and June have no 31st
		List<Occurrence> dates = RULES.expand(
				SpaceRules.defaults().withQuota(new Quota(QuotaMeasure.BOOKINGS, QuotaPeriod.MONTH, 1)),
				new Request(at("2030-01-31T14:00"), at("2030-01-31T16:00"), RESIDENT, NOW, List.of()),
				new Recurrence(Frequency.MONTHLY, null, 4), List.of());
		assertThat(dates).extracting(o -> o.start().toLocalDate().toString()).containsExactly("2030-01-31",
				"2030-03-31", "2030-05-31", "2030-07-31");
		assertThat(dates).allMatch(Occurrence::bookable);
	}

	@Test
	void recurrenceKeepsLocalTimeAcrossOffsetsAndIsBounded() {
		List<Occurrence> dates = RULES.expand(SpaceRules.defaults().withLength(30, 0),
				new Request(at("2030-01-10T19:00"), at("2030-01-10T20:00"), RESIDENT, NOW, List.of()),
				new Recurrence(Frequency.WEEKLY, null, 1000), List.of());
		assertThat(dates).hasSize(BookingRules.MAX_OCCURRENCES);
		assertThat(dates).allMatch(o -> o.start().atZoneSameInstant(SHANGHAI).getHour() == 19);
	}

	@Test
	void quotaAcrossRecurringDatesCountsTheEarlierOnes() {
		List<Occurrence> dates = RULES.expand(
				SpaceRules.defaults().withQuota(new Quota(QuotaMeasure.BOOKINGS, QuotaPeriod.MONTH, 2)),
				new Request(at("2030-01-14T19:00"), at("2030-01-14T20:00"), RESIDENT, NOW, List.of()),
				new Recurrence(Frequency.WEEKLY, LocalDate.of(2030, 2, 4), null), List.of());
		// 01-14 and 01-21 fill January's quota of 2; 01-28 is over it; 02-04 counts in February
		assertThat(dates).extracting(Occurrence::bookable).containsExactly(true, true, false, true);
		assertThat(dates.get(2).problems()).extracting(Problem::code).containsExactly("spaces.error.quota");
	}
}
