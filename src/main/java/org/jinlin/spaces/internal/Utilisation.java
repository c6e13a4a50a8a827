package org.jinlin.spaces.internal;

import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

import org.jinlin.spaces.BookingStatus;

/**
 * Utilisation of a space's zones over a period (Spring-free): booked hours (bookings that held the slot: checked
 * in, confirmed or pending) over open hours (opening hours of the open days, blackouts not deducted), and the
 * no-shows (bookings released because nobody checked in). Each figure keeps the bookings behind it.
 */
public final class Utilisation {

	private Utilisation() {
	}

	/** One zone's figures and the bookings they count. */
	public record ZoneFigures(long zoneId, String zoneName, double bookedHours, double openHours, Integer percent,
			int noShows, List<BookingRepository.BookingRow> records) {
	}

	public static double openHours(SpaceRules rules, LocalDate from, LocalDate toExclusive) {
		double perDay = Duration.between(rules.opens(), rules.closes()).toMinutes() / 60.0;
		double total = 0;
		for (LocalDate d = from; d.isBefore(toExclusive); d = d.plusDays(1)) {
			if (rules.opensOn(d)) {
				total += perDay;
			}
		}
		return total;
	}

	public static ZoneFigures of(SpaceRepository.ZoneRow zone, SpaceRules rules, List<BookingRepository.BookingRow> all,
			LocalDate from, LocalDate toExclusive) {
		OffsetDateTime start = from.atStartOfDay(SpaceTime.ZONE).toOffsetDateTime();
		OffsetDateTime end = toExclusive.atStartOfDay(SpaceTime.ZONE).toOffsetDateTime();
		List<BookingRepository.BookingRow> records = all.stream()
			.filter(b -> b.zoneId() == zone.id() && b.start().isBefore(end) && !b.start().isBefore(start))
			.toList();
		double booked = records.stream().filter(b -> b.status().active())
			.mapToLong(b -> Duration.between(b.start(), b.end()).toMinutes()).sum() / 60.0;
		int noShows = (int) records.stream().filter(b -> b.status() == BookingStatus.RELEASED).count();
		double open = openHours(rules, from, toExclusive);
		Integer percent = open == 0 ? null : (int) Math.round(booked * 100 / open);
		return new ZoneFigures(zone.id(), zone.name(), booked, open, percent, noShows, records);
	}
}
