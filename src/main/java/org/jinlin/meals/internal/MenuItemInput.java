package org.jinlin.meals.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Set;

import org.jinlin.meals.DietNeed;
import org.jinlin.meals.MealTime;

/** A dish or set meal of a week's menu as the API or the page sends it: the diets it meets, its price in yuan. */
public record MenuItemInput(LocalDate day, MealTime meal, String name, Boolean setMeal, Set<DietNeed> diets,
		BigDecimal price) {
}
