package org.jinlin.demands.internal;

import org.jinlin.demands.internal.DeadlineUnit;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Deadlines count office hours on working days only, with holidays and make-up working days. */
class WorkingCalendarTests {

	static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

	// 2026-10-01..07 National Day off; Saturday 2026-10-10 a make-up working day.
	final WorkingCalendar calendar = new WorkingCalendar(SHANGHAI, WorkingCalendar.DEFAULT_WINDOWS,
			Map.of(LocalDate.of(2026, 10, 1), false, LocalDate.of(2026, 10, 2), false, LocalDate.of(2026, 10, 5), false,
					LocalDate.of(2026, 10, 6), false, LocalDate.of(2026, 10, 7), false, LocalDate.of(2026, 10, 10), true));

	static Instant at(int y, int m, int d, int h, int min) {
		return LocalDateTime.of(y, m, d, h, min).atZone(SHANGHAI).toInstant();
	}

	@Test
	void hoursWithinOneMorning() {
		assertThat(calendar.plus(at(2026, 11, 23, 9, 0), 2, DeadlineUnit.WORKING_HOURS)).isEqualTo(at(2026, 11, 23, 11, 0));
	}

	@Test
	void hoursSkipTheLunchBreak() {
		// 11:00 + 2 h: one hour until noon, the second from 14:30.
		assertThat(calendar.plus(at(2026, 11, 23, 11, 0), 2, DeadlineUnit.WORKING_HOURS)).isEqualTo(at(2026, 11, 23, 15, 30));
	}

	@Test
	void aDemandRaisedAtNightStartsCountingNextMorning() {
		assertThat(calendar.plus(at(2026, 11, 23, 22, 0), 1, DeadlineUnit.WORKING_HOURS)).isEqualTo(at(2026, 11, 24, 9, 0));
	}

	@Test
	void fridayAfternoonRunsIntoMonday() {
		// Friday 17:00 + 2 h: half an hour on Friday, 1.5 h on Monday morning.
		assertThat(calendar.plus(at(2026, 11, 27, 17, 0), 2, DeadlineUnit.WORKING_HOURS)).isEqualTo(at(2026, 11, 30, 9, 30));
	}

	@Test
	void oneWorkingDayIsTheSameTimeNextWorkingDay() {
		assertThat(calendar.plus(at(2026, 11, 23, 10, 0), 1, DeadlineUnit.WORKING_DAYS)).isEqualTo(at(2026, 11, 24, 10, 0));
	}

	@Test
	void holidaysAreSkippedAndMakeUpSaturdaysCount() {
		// Wednesday 30 September 10:00 + 2 working days: 1 Oct..7 Oct off (weekend 3/4 too), Thursday 8 Oct is
		// the first, Friday 9 Oct the second.
		assertThat(calendar.plus(at(2026, 9, 30, 10, 0), 2, DeadlineUnit.WORKING_DAYS)).isEqualTo(at(2026, 10, 9, 10, 0));
		// Friday 9 Oct 10:00 + 1 working day: Saturday 10 Oct is a make-up working day.
		assertThat(calendar.plus(at(2026, 10, 9, 10, 0), 1, DeadlineUnit.WORKING_DAYS)).isEqualTo(at(2026, 10, 10, 10, 0));
		assertThat(calendar.isWorkingDay(LocalDate.of(2026, 10, 10))).isTrue();
		assertThat(calendar.isWorkingDay(LocalDate.of(2026, 10, 1))).isFalse();
	}

	@Test
	void workingTimeBetweenCountsOnlyOfficeHours() {
		assertThat(calendar.between(at(2026, 11, 27, 17, 0), at(2026, 11, 30, 9, 30))).isEqualTo(Duration.ofHours(2));
		assertThat(calendar.between(at(2026, 11, 30, 9, 0), at(2026, 11, 27, 9, 0))).isZero();
	}

	@Test
	void aDeadlineIsPositive() {
		assertThatThrownBy(() -> calendar.plus(at(2026, 11, 23, 9, 0), 0, DeadlineUnit.WORKING_HOURS))
			.isInstanceOf(IllegalArgumentException.class);
	}
}
