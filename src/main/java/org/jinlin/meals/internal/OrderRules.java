package org.jinlin.meals.internal;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.jinlin.meals.DietNeed;

/**
 * The rules of ordering, plain Java: the cut-off (a time of day, the day before the meal), which of her diet needs a
 * dish cannot meet, and the days a standing order covers.
 */
public final class OrderRules {

	private OrderRules() {
	}

	/** The moment orders for {@code day} close: {@code cutoff} on the day before. */
	public static LocalDateTime cutoff(LocalDate day, LocalTime cutoff) {
		return day.minusDays(1).atTime(cutoff);
	}

	/** May an elder still order or cancel the meals of {@code day} at {@code now}: strictly before the cut-off. */
	public static boolean open(LocalDate day, LocalTime cutoff, LocalDateTime now) {
		return now.isBefore(cutoff(day, cutoff));
	}

	/** Her needs the dish does not meet, in order; empty: it fits. */
	public static Set<DietNeed> unmet(Set<DietNeed> needs, Set<DietNeed> dishMeets) {
		Set<DietNeed> unmet = EnumSet.noneOf(DietNeed.class);
		if (needs != null) {
			unmet.addAll(needs);
		}
		if (dishMeets != null) {
			unmet.removeAll(dishMeets);
		}
		return unmet;
	}

	/**
	 * The days from {@code from} to {@code to} (inclusive) a standing order covers: on its weekdays, within its
	 * validity ({@code validTo} null: open).
	 */
	public static List<LocalDate> days(Set<DayOfWeek> weekdays, LocalDate validFrom, LocalDate validTo, LocalDate from,
			LocalDate to) {
		List<LocalDate> days = new ArrayList<>();
		LocalDate start = from.isBefore(validFrom) ? validFrom : from;
		LocalDate end = validTo != null && validTo.isBefore(to) ? validTo : to;
		for (LocalDate d = start; !d.isAfter(end); d = d.plusDays(1)) {
			if (weekdays.contains(d.getDayOfWeek())) {
				days.add(d);
			}
		}
		return days;
	}

	/** Weekdays as stored: ISO numbers, comma-separated, in order. */
	public static String encode(Set<DayOfWeek> weekdays) {
		return String.join(",", new TreeSet<>(weekdays).stream().map(d -> Integer.toString(d.getValue())).toList());
	}

	public static Set<DayOfWeek> decodeWeekdays(String text) {
		Set<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
		if (text != null) {
			for (String s : text.split(",")) {
				if (!s.isBlank()) {
					days.add(DayOfWeek.of(Integer.parseInt(s.strip())));
				}
			}
		}
		return days;
	}

	/** Diet needs as stored on a dish or an order: codes, comma-separated, in order. */
	public static String encode(Iterable<DietNeed> needs) {
		Set<DietNeed> sorted = EnumSet.noneOf(DietNeed.class);
		needs.forEach(sorted::add);
		return String.join(",", sorted.stream().map(Enum::name).toList());
	}

	public static Set<DietNeed> decodeNeeds(String text) {
		Set<DietNeed> needs = EnumSet.noneOf(DietNeed.class);
		if (text != null) {
			for (String s : text.split(",")) {
				for (DietNeed n : DietNeed.values()) {
					if (n.name().equals(s.strip())) {
						needs.add(n);
					}
				}
			}
		}
		return needs;
	}
}
