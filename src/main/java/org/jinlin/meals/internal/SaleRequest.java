package org.jinlin.meals.internal;

import java.math.BigDecimal;
import java.util.List;

/**
 * A counter sale as the terminal sends it: the diner by id or by card (neither: a walk-in), the items (none: the
 * place's standard set meal of the day) and the terminal's idempotency key.
 */
public record SaleRequest(Long dinerId, String cardNumber, List<Item> items, String idempotencyKey) {

	/** One line: a dish or set meal, its unit price in yuan and the quantity (1 if not given). */
	public record Item(String name, BigDecimal price, Integer quantity) {
	}
}
