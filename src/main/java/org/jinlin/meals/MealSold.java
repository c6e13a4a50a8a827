package org.jinlin.meals;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * A meal was sold at a place's counter: the price, the subsidy applied (by the rule {@code ruleId}, none for a
 * walk-in) and what the diner paid. {@code dinerId} is {@code null} for a walk-in.
 */
public record MealSold(long saleId, long placeId, Long dinerId, LocalDate soldOn, BigDecimal price, BigDecimal subsidy,
		BigDecimal paid, Long ruleId) {
}
