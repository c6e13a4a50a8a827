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
}
