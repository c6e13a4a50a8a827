package org.jinlin.meals;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * The meal-assistance figures of a territory (issue 15, item 8), each counting records a drill-down lists:
 * <ul>
 * <li>{@link #CANTEENS}, {@link #MEAL_POINTS}: the places of the meal network whose node lies in the territory;</li>
 * <li>{@link #DINERS}: the enrolled diners living in it;</li>
 * <li>{@link #MEALS_DAY}, {@link #MEALS_MONTH}: the meals sold (one sale, one meal) at its places on a day, in a
 * month;</li>
 * <li>{@link #SUBSIDY_MONTH}: the subsidy spent in the month, in yuan; the records are the subsidised sales;</li>
 * <li>{@link #LIVING_ALONE_ENROLLED}: of the elders (60 and over) living alone by the resident register, the share
 * enrolled as diners, in percent; the records are those elders, met when enrolled;</li>
 * <li>{@link #MEALS_PER_THOUSAND_ELDERS}: the month's meals per 1,000 elderly (the territory's official elderly
 * population); the records are the month's sales.</li>
 * </ul>
 */
public enum MealIndicator {
	CANTEENS, MEAL_POINTS, DINERS, MEALS_DAY, MEALS_MONTH, SUBSIDY_MONTH, LIVING_ALONE_ENROLLED,
	MEALS_PER_THOUSAND_ELDERS;

	/** The indicator's name in URLs, e.g. {@code meals-month}. */
	public String slug() {
		return name().toLowerCase(Locale.ROOT).replace('_', '-');
	}

	/** The indicator of a URL name, if any. */
	public static Optional<MealIndicator> ofSlug(String slug) {
		return Arrays.stream(values()).filter(i -> i.slug().equals(slug)).findFirst();
	}
}
