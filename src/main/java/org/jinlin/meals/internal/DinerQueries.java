package org.jinlin.meals.internal;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import lombok.RequiredArgsConstructor;
import org.jinlin.meals.DinerCategory;
import org.jinlin.people.ResidentRegister;
import org.jinlin.people.ResidentView;
import org.jinlin.shared.Actor;
import org.jinlin.shared.Masking;
import org.jinlin.shared.Paged;
import org.jinlin.shared.PersonalDataCipher;
import org.jinlin.territory.Territories;
import org.jinlin.territory.TerritoryNode;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The diners the caller may see: staff those of their jurisdiction, a canteen operator those of the places she
 * operates. Names masked; the category read from the register; diet codes decrypted (the allergies only as a mark).
 */
@Service
@Transactional(readOnly = true)
@RequiredArgsConstructor
public class DinerQueries {

	static final int MAX_SIZE = 100;

	private final MealsRepository repository;

	private final ResidentRegister residents;

	private final Territories territories;

	private final PersonalDataCipher cipher;

	public Paged<DinerRow> diners(int page, int size) {
		Actor actor = MealsAccess.dinerReader();
		int p = Math.max(0, page);
		int s = Math.max(1, Math.min(MAX_SIZE, size));
		MealsRepository.DinerScope scope = scope(actor);
		List<MealsRepository.Diner> diners = repository.diners(scope, p, s);
		Map<Long, ResidentView> people = residents.lookupAll(diners.stream().map(MealsRepository.Diner::residentId).toList())
			.stream()
			.collect(Collectors.toMap(ResidentView::id, Function.identity()));
		Map<Long, String> codes = territories.lookupAll(diners.stream().map(MealsRepository.Diner::communityId).toList())
			.stream()
			.collect(Collectors.toMap(TerritoryNode::id, TerritoryNode::code));
		List<DinerRow> rows = diners.stream().map(d -> {
			ResidentView r = people.get(d.residentId());
			return new DinerRow(d.id(), r == null ? null : Masking.name(r.name()), codes.get(d.communityId()),
					r == null ? DinerCategory.ORDINARY : DinerEligibility.primary(r),
					Diets.decode(d.dietsCipher() == null ? null : cipher.decrypt(d.dietsCipher())).codes());
		}).toList();
		return new Paged<>(rows, p, s, repository.countDiners(scope));
	}

	/** Today's sales (at most 200, newest first) at the places the caller may see: her places, or her jurisdiction's. */
	public List<SaleRow> salesToday() {
		Actor actor = MealsAccess.dinerReader();
		MealsRepository.DinerScope scope = scope(actor);
		List<MealsRepository.Sale> sales = repository.salesOn(scope.pathPrefix(), scope.places(),
				java.time.LocalDate.now(CounterSales.ZONE), 200);
		Map<Long, Long> residentOfDiner = repository
			.dinersById(sales.stream().map(MealsRepository.Sale::dinerId).filter(java.util.Objects::nonNull).collect(Collectors.toSet()))
			.stream()
			.collect(Collectors.toMap(MealsRepository.Diner::id, MealsRepository.Diner::residentId));
		Map<Long, String> names = residents.lookupAll(residentOfDiner.values())
			.stream()
			.collect(Collectors.toMap(ResidentView::id, r -> Masking.name(r.name())));
		return sales.stream()
			.map(s -> new SaleRow(s.id(), s.dinerId() == null ? null : names.get(residentOfDiner.get(s.dinerId())), s.items(),
					s.price(), s.subsidy(), s.paid()))
			.toList();
	}

	/** Staff: their jurisdiction; an operator: her places inside it. */
	MealsRepository.DinerScope scope(Actor actor) {
		if (MealsAccess.isOperator(actor)) {
			return new MealsRepository.DinerScope(actor.territoryPath(), repository.placesOfOperator(actor.name()));
		}
		return new MealsRepository.DinerScope(actor.territoryPath(), null);
	}
}
