package org.jinlin.meals.internal;

import java.time.LocalDate;
import java.util.List;

import org.jinlin.meals.MealTime;

/**
 * A kitchen's or canteen's production sheet for a day: how many of each dish and diet variant, for which canteen or
 * meal point, or for home delivery; {@code late}: orders of the line placed, changed or cancelled after the cut-off.
 */
public record ProductionSheet(long placeId, String placeName, LocalDate day, List<Line> lines, List<Total> totals) {

	/** A dish and diet variant for one destination ({@code destination} null: home delivery). */
	public record Line(MealTime meal, String item, List<String> diets, String destination, boolean delivery, long count,
			long late) {
	}

	/** A dish and diet variant over every destination. */
	public record Total(MealTime meal, String item, List<String> diets, long count, long late) {
	}
}
