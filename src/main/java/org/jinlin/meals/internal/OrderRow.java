package org.jinlin.meals.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import org.jinlin.meals.MealTime;

/**
 * An order in a list: the diner's name masked, her diet codes when ordered, delivery, PLACED or CANCELLED, whether it
 * came from a standing order, was changed after the cut-off ({@code late}) and can still be cancelled by her.
 */
public record OrderRow(long id, long dinerId, String dinerName, long placeId, LocalDate day, MealTime meal, String item,
		BigDecimal price, List<String> diets, boolean delivery, String status, boolean standing, boolean late,
		boolean cancellable) {
}
