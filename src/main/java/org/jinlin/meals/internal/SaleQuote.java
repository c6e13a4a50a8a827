package org.jinlin.meals.internal;

import java.math.BigDecimal;
import java.util.List;

/**
 * What a counter sale would charge, before it is confirmed: the item lines, the price, the subsidy the rules give
 * now, what the diner pays, the diner ({@code null}: a walk-in) and the funding sources' parts of the subsidy.
 */
public record SaleQuote(String items, BigDecimal price, BigDecimal subsidy, BigDecimal paid, Long dinerId,
		List<SubsidyRules.Part> parts) {
}
