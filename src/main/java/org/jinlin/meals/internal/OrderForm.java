package org.jinlin.meals.internal;

import java.time.LocalDate;

import org.jinlin.meals.MealTime;

/** An order: the diner (staff and operators; an elder orders for herself), the day, the meal and the dish. */
public record OrderForm(Long dinerId, LocalDate day, MealTime meal, Long menuItemId) {
}
