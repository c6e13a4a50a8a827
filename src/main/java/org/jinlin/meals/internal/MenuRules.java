package org.jinlin.meals.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.jinlin.shared.web.FieldErrors.FieldError;

import static org.jinlin.shared.web.FieldErrors.trim;

/**
 * The rules of a week's menu, plain Java: at most 200 items, each on a day of the week (Monday {@code week} to
 * Sunday), for a meal, with a name (at most 50 characters) and a price from 0 to 500 yuan in fen.
 */
public final class MenuRules {

	static final int MAX_ITEMS = 200;

	private MenuRules() {
	}

	public static List<FieldError> check(LocalDate week, List<MenuItemInput> items) {
		List<FieldError> p = new ArrayList<>();
		if (items == null) {
			p.add(new FieldError("items", "meals.error.required"));
			return p;
		}
		if (items.size() > MAX_ITEMS) {
			p.add(new FieldError("items", "meals.menu.error.items", MAX_ITEMS));
			return p;
		}
		for (int i = 0; i < items.size(); i++) {
			MenuItemInput item = items.get(i);
			String f = "items[" + i + "].";
			if (item == null) {
				p.add(new FieldError(f + "name", "meals.error.required"));
				continue;
			}
			if (item.day() == null) {
				p.add(new FieldError(f + "day", "meals.error.required"));
			}
			else if (item.day().isBefore(week) || item.day().isAfter(week.plusDays(6))) {
				p.add(new FieldError(f + "day", "meals.menu.error.day", week, week.plusDays(6)));
			}
			if (item.meal() == null) {
				p.add(new FieldError(f + "meal", "meals.error.required"));
			}
			String name = trim(item.name());
			if (name == null) {
				p.add(new FieldError(f + "name", "meals.error.required"));
			}
			else if (name.codePointCount(0, name.length()) > 50) {
				p.add(new FieldError(f + "name", "meals.error.tooLong", 50));
			}
			if (item.price() == null) {
				p.add(new FieldError(f + "price", "meals.error.required"));
			}
			else if (item.price().signum() < 0 || item.price().compareTo(SaleValidation.MAX_PRICE) > 0
					|| item.price().stripTrailingZeros().scale() > 2) {
				p.add(new FieldError(f + "price", "meals.sale.error.price", SaleValidation.MAX_PRICE));
			}
		}
		return p;
	}

	/** The Monday of the week a day falls in. */
	public static LocalDate monday(LocalDate day) {
		return day.with(java.time.temporal.TemporalAdjusters.previousOrSame(java.time.DayOfWeek.MONDAY));
	}

	static BigDecimal yuan(BigDecimal price) {
		return SubsidyRules.yuan(price);
	}
}
