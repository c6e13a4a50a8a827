package org.jinlin.meals;

import java.time.LocalDate;
import java.util.List;

/**
 * A meal was served at a place (sales or orders) without a retained sample of each dish of its menu: the dishes
 * missing. Published once per meal (place, day, meal), whichever instance ran the check; the canteen's and the
 * street's pages show it.
 */
public record SamplesMissing(long placeId, String placeTerritoryPath, LocalDate servedOn, MealTime meal,
		List<String> dishes) {
}
