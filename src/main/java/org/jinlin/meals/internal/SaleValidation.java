package org.jinlin.meals.internal;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import org.jinlin.shared.web.FieldErrors.FieldError;

import static org.jinlin.shared.web.FieldErrors.trim;

/**
 * The field rules of a counter sale, plain Java: an idempotency key (at most 100 characters); a diner by id or by
 * card, not both; items, if given, 1 to 20 lines, each with a name (at most 50 characters), a unit price from 0 to
 * 500 yuan in fen and a quantity from 1 to 20. Answers the price and the item lines, or the problems as message codes.
 */
public final class SaleValidation {

	static final int MAX_ITEMS = 20;

	static final BigDecimal MAX_PRICE = new BigDecimal("500");

	private SaleValidation() {
	}

	/** Either the price and the items text, or the problems. */
	public record Outcome(BigDecimal price, String items, List<FieldError> problems) {
	}

	/**
	 * @param setMeal the name of the standard set meal, used without items
	 * @param setMealPrice its price
	 */
	public static Outcome check(SaleRequest r, String setMeal, BigDecimal setMealPrice) {
		List<FieldError> p = new ArrayList<>();
		String key = trim(r.idempotencyKey());
		if (key == null) {
			p.add(new FieldError("idempotencyKey", "meals.error.required"));
		}
		else if (key.length() > 100) {
			p.add(new FieldError("idempotencyKey", "meals.error.tooLong", 100));
		}
		if (r.dinerId() != null && trim(r.cardNumber()) != null) {
			p.add(new FieldError("cardNumber", "meals.sale.error.dinerOrCard"));
		}
		else if (trim(r.cardNumber()) != null && trim(r.cardNumber()).length() > 32) {
			p.add(new FieldError("cardNumber", "meals.error.tooLong", 32));
		}
		if (r.items() == null) {
			return new Outcome(SubsidyRules.yuan(setMealPrice), setMeal + " × 1 @ " + SubsidyRules.yuan(setMealPrice), p);
		}
		if (r.items().isEmpty() || r.items().size() > MAX_ITEMS) {
			p.add(new FieldError("items", "meals.sale.error.items", MAX_ITEMS));
			return new Outcome(null, null, p);
		}
		BigDecimal price = BigDecimal.ZERO;
		StringBuilder lines = new StringBuilder();
		for (int i = 0; i < r.items().size(); i++) {
			SaleRequest.Item item = r.items().get(i);
			String field = "items[" + i + "].";
			if (item == null) {
				p.add(new FieldError(field + "name", "meals.error.required"));
				continue;
			}
			String name = trim(item.name());
			if (name == null) {
				p.add(new FieldError(field + "name", "meals.error.required"));
			}
			else if (name.codePointCount(0, name.length()) > 50) {
				p.add(new FieldError(field + "name", "meals.error.tooLong", 50));
			}
			if (item.price() == null) {
				p.add(new FieldError(field + "price", "meals.error.required"));
			}
			else if (item.price().signum() < 0 || item.price().compareTo(MAX_PRICE) > 0
					|| item.price().stripTrailingZeros().scale() > 2) {
				p.add(new FieldError(field + "price", "meals.sale.error.price", MAX_PRICE));
			}
			int quantity = item.quantity() == null ? 1 : item.quantity();
			if (quantity < 1 || quantity > MAX_ITEMS) {
				p.add(new FieldError(field + "quantity", "meals.sale.error.quantity", MAX_ITEMS));
			}
			if (p.isEmpty()) {
				BigDecimal unit = SubsidyRules.yuan(item.price());
				price = price.add(unit.multiply(BigDecimal.valueOf(quantity)));
				lines.append(lines.isEmpty() ? "" : "\n").append(name).append(" × ").append(quantity).append(" @ ").append(unit);
			}
		}
		return p.isEmpty() ? new Outcome(SubsidyRules.yuan(price), lines.toString(), p) : new Outcome(null, null, p);
	}
}
