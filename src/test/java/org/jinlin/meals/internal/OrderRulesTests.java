package org.jinlin.meals.internal;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.jinlin.meals.DietNeed;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/** The ordering rules, table-driven: the cut-off, the diet fit, the days of a standing order. */
class OrderRulesTests {

	@ParameterizedTest(name = "meal on {0}, cut-off {1}, now {2}: open {3}")
	@CsvSource({
			"2026-12-09, 16:00, 2026-12-08T15:59:59, true",
			"2026-12-09, 16:00, 2026-12-08T16:00, false",
			"2026-12-09, 16:00, 2026-12-08T18:00, false",
			"2026-12-09, 16:00, 2026-12-07T20:00, true",
			"2026-12-09, 16:00, 2026-12-09T09:00, false",
			"2026-12-09, 20:30, 2026-12-08T20:00, true",
			"2026-12-09, 00:00, 2026-12-08T00:00, false",
			"2026-12-09, 00:00, 2026-12-07T23:59, true",
			"2027-01-01, 16:00, 2026-12-31T15:00, true" })
	void ordersCloseAtTheCutoffTheDayBefore(LocalDate day, LocalTime cutoff, LocalDateTime now, boolean open) {
		assertThat(OrderRules.open(day, cutoff, now)).isEqualTo(open);
	}

	@ParameterizedTest(name = "needs {0}, dish meets {1}: unmet {2}")
	@CsvSource(delimiter = ';', value = {
			"; ; ",
			"; LOW_SALT; ",
			"LOW_SALT; ; LOW_SALT",
			"LOW_SALT; LOW_SALT,SOFT; ",
			"LOW_SALT,DIABETIC; LOW_SALT; DIABETIC",
			"SOFT,MINCED,DIABETIC; SOFT; DIABETIC,MINCED",
			"DIABETIC,LOW_SALT,SOFT,MINCED; DIABETIC,LOW_SALT,SOFT,MINCED; " })
	void aDishMustMeetEveryNeed(String needs, String meets, String unmet) {
		assertThat(OrderRules.unmet(OrderRules.decodeNeeds(needs), OrderRules.decodeNeeds(meets)))
			.isEqualTo(OrderRules.decodeNeeds(unmet));
	}

	@ParameterizedTest(name = "{0} from {1} to {2}, asked {3}..{4}: {5}")
	@CsvSource(delimiter = ';', nullValues = "-", value = {
			// weekdays; validFrom; validTo; from; to; days
			"1,2,3,4,5; 2026-12-07; -; 2026-12-07; 2026-12-13; 2026-12-07,2026-12-08,2026-12-09,2026-12-10,2026-12-11",
			"1,2,3,4,5; 2026-12-09; -; 2026-12-07; 2026-12-13; 2026-12-09,2026-12-10,2026-12-11",
			"1,2,3,4,5; 2026-12-01; 2026-12-08; 2026-12-07; 2026-12-13; 2026-12-07,2026-12-08",
			"6,7; 2026-12-01; -; 2026-12-07; 2026-12-13; 2026-12-12,2026-12-13",
			"3; 2026-12-20; -; 2026-12-07; 2026-12-13; -",
			"1,2,3,4,5,6,7; 2026-12-01; 2026-12-05; 2026-12-07; 2026-12-13; -" })
	void aStandingOrderCoversItsWeekdaysWithinItsValidity(String weekdays, LocalDate validFrom, LocalDate validTo,
			LocalDate from, LocalDate to, String days) {
		List<LocalDate> expected = days == null ? List.of()
				: java.util.Arrays.stream(days.split(",")).map(LocalDate::parse).toList();
		assertThat(OrderRules.days(OrderRules.decodeWeekdays(weekdays), validFrom, validTo, from, to)).isEqualTo(expected);
	}

	@Test
	void codesRoundTripInOrder() {
		Set<DayOfWeek> weekdays = EnumSet.of(DayOfWeek.FRIDAY, DayOfWeek.MONDAY);
		assertThat(OrderRules.encode(weekdays)).isEqualTo("1,5");
		assertThat(OrderRules.decodeWeekdays("1,5")).isEqualTo(weekdays);
		assertThat(OrderRules.encode(List.of(DietNeed.SOFT, DietNeed.DIABETIC))).isEqualTo("DIABETIC,SOFT");
	}
}
