package org.jinlin.meals.internal;

import java.math.BigDecimal;

/** What the counter answers: the sale, its price, the subsidy applied and what the diner pays, in yuan. */
public record SaleReceipt(long id, BigDecimal price, BigDecimal subsidy, BigDecimal paid) {

	static SaleReceipt of(MealsRepository.Sale s) {
		return new SaleReceipt(s.id(), s.price(), s.subsidy(), s.paid());
	}
}
