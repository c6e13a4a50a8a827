package org.jinlin.meals.internal;

import java.util.ArrayList;
import java.util.List;

import lombok.RequiredArgsConstructor;
import org.jinlin.carefacilities.CareFacilities;
import org.jinlin.carefacilities.FacilityKind;
import org.jinlin.meals.MealsBulkLoad.NewDiner;
import org.jinlin.meals.MealsBulkLoad.NewPlace;
import org.jinlin.meals.MealsBulkLoad.NewRule;
import org.jinlin.meals.PlaceKind;
import org.jinlin.shared.PersonalDataCipher;
import org.jinlin.territory.TerritoryNode;
import org.springframework.stereotype.Component;

/** Writes what {@code MealsBulkLoad} is given: places, terminals, diners (diets encrypted) and subsidy rules. */
@Component
@RequiredArgsConstructor
public class MealsBulkWriter {

	private final MealsRepository repository;

	private final PersonalDataCipher cipher;

	private final CareFacilities careFacilities;

	private final MenuRepository menus;

	private final OrderRepository orders;

	public long place(NewPlace p, String by) {
		if (p.kind() == PlaceKind.ELDER_CANTEEN && careFacilities.find(p.facilityId())
			.filter(f -> f.kind() == FacilityKind.ELDER_CANTEEN)
			.isEmpty()) {
			throw new IllegalArgumentException("No elder canteen " + p.facilityId() + " in the care-facility registry");
		}
		long id = repository.insertPlace(p.kind(), p.facilityId(), p.name(), p.territory().id(), p.territory().path(),
				p.kitchenId(), p.openingHours(), SubsidyRules.yuan(p.setMealPrice()), by);
		for (TerritoryNode c : p.servedCommunities()) {
			repository.insertServedCommunity(id, c.id(), c.path());
		}
		for (String operator : p.operators()) {
			repository.insertOperator(id, operator);
		}
		return id;
	}

	public void terminal(String keyName, long placeId) {
		repository.insertTerminal(keyName, placeId);
	}

	public List<Long> diners(List<NewDiner> diners, String by) {
		List<Long> ids = new ArrayList<>();
		for (NewDiner d : diners) {
			String diets = cipher.encrypt(new Diets(d.diets(), d.allergies()).encode());
			ids.add(repository.insertDiner(d.residentId(), d.community().id(), d.residentPath(), d.placeId(), diets,
					d.homeDelivery(), d.cardNumber(), by));
		}
		return ids;
	}

	public long rule(NewRule r, String by) {
		long id = repository.insertRule(r.territoryPath(), r.validFrom(), r.validTo(), SubsidyRules.yuan(r.monthlyCap()), by);
		for (int i = 0; i < r.tiers().size(); i++) {
			var t = r.tiers().get(i);
			repository.insertTier(id, i, t.ageBand(), t.category(), SubsidyRules.yuan(t.perMeal()));
		}
		for (int i = 0; i < r.sources().size(); i++) {
			var s = r.sources().get(i);
			repository.insertSource(id, i, s.source(), s.share());
		}
		return id;
	}

	public void menu(long placeId, List<org.jinlin.meals.MealsBulkLoad.NewMenuItem> items) {
		java.util.Map<String, Integer> lines = new java.util.HashMap<>();
		for (var i : items) {
			int line = lines.merge(i.day() + "/" + i.meal(), 1, Integer::sum) - 1;
			menus.insertItem(placeId, i.day(), i.meal(), line, i.name(), i.setMeal(), OrderRules.encode(i.diets()),
					SubsidyRules.yuan(i.price()));
		}
	}

	public java.util.Optional<Long> order(long dinerId, java.time.LocalDate day, org.jinlin.meals.MealTime meal, String by) {
		MealsRepository.Enrolment d = repository.enrolment(dinerId).orElseThrow();
		var needs = Diets.decode(d.dietsCipher() == null ? null : cipher.decrypt(d.dietsCipher())).needs();
		return menus.items(d.placeId(), day, day)
			.stream()
			.filter(i -> i.meal() == meal && OrderRules.unmet(needs, i.diets()).isEmpty())
			.min(java.util.Comparator.comparing((MenuRepository.MenuItem i) -> !i.setMeal()).thenComparingInt(MenuRepository.MenuItem::line))
			.map(i -> orders.place(new OrderRepository.NewOrder(dinerId, d.placeId(), day, meal, i.id(), i.name(), i.price(),
					OrderRules.encode(needs), d.homeDelivery(), null, false), by));
	}

	public long standingOrder(long dinerId, org.jinlin.meals.MealTime meal, java.util.Set<java.time.DayOfWeek> weekdays,
			java.time.LocalDate from, String by) {
		return orders.insertStanding(dinerId, meal, weekdays, from, null, by);
	}
}
