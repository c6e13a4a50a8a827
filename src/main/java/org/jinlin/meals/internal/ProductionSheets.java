package org.jinlin.meals.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import lombok.RequiredArgsConstructor;
import org.jinlin.carefacilities.CareFacilities;
import org.jinlin.carefacilities.CareFacility;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Kitchen production: for a central kitchen (with the canteens and meal points it supplies) or a canteen, and a day,
 * the count of each dish and diet variant per destination (home-delivery orders under "delivery"), lines with orders
 * changed after the cut-off flagged. The staff of the place's jurisdiction and its operators.
 */
@Service
@RequiredArgsConstructor
public class ProductionSheets {

	private final MealsRepository meals;

	private final OrderRepository orders;

	private final MealMenus menus;

	private final CareFacilities careFacilities;

	@Transactional(readOnly = true)
	public ProductionSheet sheet(long placeId, LocalDate day) {
		menus.editor(placeId);
		LocalDate d = day == null ? LocalDate.now(CounterSales.ZONE).plusDays(1) : day;
		Map<Long, String> names = new HashMap<>();
		List<ProductionSheet.Line> lines = new ArrayList<>();
		for (OrderRepository.ProductionLine l : orders.production(placeId, d)) {
			if (l.placed() == 0 && l.late() == 0) {
				continue;
			}
			String destination = l.delivery() ? null : names.computeIfAbsent(l.placeId(), this::name);
			lines.add(new ProductionSheet.Line(l.meal(), l.itemName(), codes(l.diets()), destination, l.delivery(), l.placed(),
					l.late()));
		}
		lines.sort(Comparator.comparing(ProductionSheet.Line::meal)
			.thenComparing(ProductionSheet.Line::item)
			.thenComparing(l -> String.join(",", l.diets()))
			.thenComparing(ProductionSheet.Line::delivery)
			.thenComparing(l -> l.destination() == null ? "" : l.destination()));
		Map<String, ProductionSheet.Total> totals = new LinkedHashMap<>();
		for (ProductionSheet.Line l : lines) {
			totals.merge(l.meal() + "|" + l.item() + "|" + l.diets(),
					new ProductionSheet.Total(l.meal(), l.item(), l.diets(), l.count(), l.late()),
					(a, b) -> new ProductionSheet.Total(a.meal(), a.item(), a.diets(), a.count() + b.count(), a.late() + b.late()));
		}
		return new ProductionSheet(placeId, name(placeId), d, lines, List.copyOf(totals.values()));
	}

	/** A place's name: a canteen's from the care-facility registry. */
	String name(long placeId) {
		return meals.place(placeId)
			.map(p -> p.facilityId() == null ? p.name()
					: careFacilities.find(p.facilityId()).map(CareFacility::name).orElse("#" + placeId))
			.orElse("#" + placeId);
	}

	private static List<String> codes(String diets) {
		return OrderRules.decodeNeeds(diets).stream().map(Enum::name).toList();
	}
}
