package org.jinlin.meals.web;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.jinlin.meals.DietNeed;
import org.jinlin.meals.MealTime;
import org.jinlin.meals.internal.MenuItemInput;
import org.jinlin.meals.internal.MenuRepository.MenuItem;
import org.jinlin.meals.internal.OrderRules;

/**
 * The menu editor's text: one dish a line, {@code day | LUNCH or DINNER | name | price | SET or empty | diet codes}
 * (e.g. {@code 2026-12-08 | LUNCH | 红烧鱼套餐 | 12.00 | SET | LOW_SALT,SOFT}). Plain Java.
 */
final class MenuLines {

	private MenuLines() {
	}

	/** The items, or the numbers (from 1) of the lines that cannot be read. */
	record Parsed(List<MenuItemInput> items, List<Integer> errors) {
	}

	static String format(List<MenuItem> items) {
		return items.stream()
			.map(i -> String.join(" | ", i.day().toString(), i.meal().name(), i.name(), i.price().toPlainString(),
					i.setMeal() ? "SET" : "", OrderRules.encode(i.diets())))
			.collect(Collectors.joining("\n"));
	}

	static Parsed parse(String text) {
		List<MenuItemInput> items = new ArrayList<>();
		List<Integer> errors = new ArrayList<>();
		String[] lines = text == null ? new String[0] : text.split("\r?\n");
		for (int n = 0; n < lines.length; n++) {
			if (lines[n].isBlank()) {
				continue;
			}
			String[] p = lines[n].split("\\|", -1);
			try {
				if (p.length < 4 || p.length > 6) {
					throw new IllegalArgumentException();
				}
				boolean set = p.length > 4 && !p[4].isBlank();
				if (set && !p[4].strip().equals("SET")) {
					throw new IllegalArgumentException();
				}
				Set<DietNeed> diets = p.length > 5 ? OrderRules.decodeNeeds(p[5]) : Set.of();
				if (p.length > 5 && !p[5].isBlank() && diets.size() != p[5].split(",").length) {
					throw new IllegalArgumentException();
				}
				items.add(new MenuItemInput(LocalDate.parse(p[0].strip()), MealTime.valueOf(p[1].strip()), p[2].strip(), set,
						diets, new BigDecimal(p[3].strip())));
			}
			catch (RuntimeException e) {
				errors.add(n + 1);
			}
		}
		return new Parsed(items, errors);
	}
}
