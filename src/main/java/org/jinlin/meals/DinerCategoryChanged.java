package org.jinlin.meals;

/** The six-monthly re-check found a diner's category changed in the register (her subsidy tier follows it). */
public record DinerCategoryChanged(long dinerId, long residentId, String territoryPath, DinerCategory previous,
		DinerCategory current) {
}
