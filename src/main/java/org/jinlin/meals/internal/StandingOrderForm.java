package org.jinlin.meals.internal;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.Set;

import org.jinlin.meals.MealTime;

/** A standing order: the diner (staff; an elder for herself), the meal, the weekdays, from (default tomorrow) until. */
public record StandingOrderForm(Long dinerId, MealTime meal, Set<DayOfWeek> weekdays, LocalDate from, LocalDate until) {
}
