package org.jinlin.spaces.internal;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

/** The hour slots of a space's open days, free or taken per zone (Spring-free): the public page's calendar. */
public final class FreeSlots {

	private FreeSlots() {
	}

	/** One hour of one zone. */
	public record Slot(LocalTime time, OffsetDateTime start, OffsetDateTime end, boolean free) {
	}

	/** A zone's slots on a day. */
	public record ZoneDay(long zoneId, String zoneName, String kind, List<Slot> slots) {
	}

	/** A day of the calendar. */
	public record Day(LocalDate date, boolean open, List<ZoneDay> zones) {
	}

	public static List<Day> grid(SpaceRules rules, List<SpaceRepository.ZoneRow> zones,
			List<BookingQueries.TakenSlot> taken, LocalDate from, int days, OffsetDateTime now) {
		BookingRules check = new BookingRules(SpaceTime.ZONE);
		List<Day> out = new ArrayList<>();
		for (int i = 0; i < days; i++) {
			LocalDate date = from.plusDays(i);
			if (!rules.opensOn(date)) {
				out.add(new Day(date, false, List.of()));
				continue;
			}
			List<ZoneDay> zoneDays = new ArrayList<>();
			for (SpaceRepository.ZoneRow z : zones) {
				List<BookingRules.Slot> busy = taken.stream().filter(t -> t.zoneId() == z.id())
					.map(t -> new BookingRules.Slot(t.start(), t.end())).toList();
				List<Slot> slots = new ArrayList<>();
				long hours = java.time.Duration.between(rules.opens(), rules.closes()).toHours();
				for (int h = 0; h < hours; h++) {
					LocalTime t = rules.opens().plusHours(h);
					OffsetDateTime s = date.atTime(t).atZone(SpaceTime.ZONE).toOffsetDateTime();
					OffsetDateTime e = s.plusHours(1);
					boolean free = s.isAfter(now) && !check.conflicts(s, e, 0, busy) && !check.inBlackout(rules, s, e);
					slots.add(new Slot(t, s, e, free));
				}
				zoneDays.add(new ZoneDay(z.id(), z.name(), z.kind().name(), slots));
			}
			out.add(new Day(date, true, zoneDays));
		}
		return out;
	}
}
