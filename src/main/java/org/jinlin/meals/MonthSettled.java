package org.jinlin.meals;

import java.math.BigDecimal;

/**
 * A canteen's monthly statement was approved by the street: the month ({@code yyyy-MM}) is closed (no sale dated in
 * it, no change); the meals served, the subsidy and what the elders paid.
 */
public record MonthSettled(long placeId, String month, long meals, BigDecimal subsidy, BigDecimal paid, String approvedBy) {
}
