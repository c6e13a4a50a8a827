package org.jinlin.spaces.internal;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.EnumSet;
import java.util.List;

import org.jinlin.spaces.BookingStatus;
import org.jinlin.spaces.ZoneKind;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Utilisation: booked hours of the bookings that held the slot over the open hours; released ones are no-shows. */
class UtilisationTests {

	static BookingRepository.BookingRow row(long zone, String start, int minutes, BookingStatus status) {
		OffsetDateTime s = OffsetDateTime.parse(start + "+08:00");
		return new BookingRepository.BookingRow(1, zone, 1, "/1/", s, s.plusMinutes(minutes), status, "u", "u", null, null,
				null, null, "t", null, null, s, "z", "NEIGHBOURS_BAR", "s");
	}

	@Test
	void bookedOverOpenHoursWithNoShowsAndTheRecordsBehind() {
		// open 08:00-18:00 on weekdays: 2030-01-07 (Mon) to 2030-01-14 (Mon, exclusive) = 5 days x 10 h
		SpaceRules rules = SpaceRules.defaults().withHours(LocalTime.of(8, 0), LocalTime.of(18, 0),
				EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY));
		SpaceRepository.ZoneRow zone = new SpaceRepository.ZoneRow(7, 1, "邻里吧", ZoneKind.NEIGHBOURS_BAR, 20, null, null, 0);
		List<BookingRepository.BookingRow> all = List.of(row(7, "2030-01-07T09:00", 120, BookingStatus.CHECKED_IN),
				row(7, "2030-01-08T09:00", 180, BookingStatus.CONFIRMED),
				row(7, "2030-01-09T09:00", 60, BookingStatus.RELEASED),
				row(7, "2030-01-10T09:00", 60, BookingStatus.CANCELLED),
				row(8, "2030-01-10T09:00", 600, BookingStatus.CHECKED_IN),
				row(7, "2030-01-14T09:00", 600, BookingStatus.CHECKED_IN));
		Utilisation.ZoneFigures f = Utilisation.of(zone, rules, all, LocalDate.of(2030, 1, 7), LocalDate.of(2030, 1, 14));
		assertThat(f.openHours()).isEqualTo(50.0);
		assertThat(f.bookedHours()).isEqualTo(5.0);
		assertThat(f.percent()).isEqualTo(10);
		assertThat(f.noShows()).isEqualTo(1);
		assertThat(f.records()).hasSize(4);
	}
}
