package org.jinlin.meals.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

import lombok.RequiredArgsConstructor;
import org.jinlin.meals.MealSold;
import org.jinlin.people.ResidentRegister;
import org.jinlin.shared.Actor;
import org.jinlin.shared.ForbiddenException;
import org.jinlin.shared.web.FieldErrors;
import org.jinlin.shared.web.FieldErrors.FieldError;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import static org.jinlin.shared.web.FieldErrors.trim;

/**
 * Counter sales with live subsidies. A place's terminal (or operator) records a sale: the diner by id or card (none:
 * a walk-in, full price), the items (none: the place's set meal of the day). The subsidy follows the rules in force
 * for the diner's community and never exceeds the price nor what is left of her monthly cap: the sales of one diner
 * in one month are serialized by a lock row (UPDATE first, then read). The same idempotency key returns the same sale
 * and never charges twice (INSERT … ON CONFLICT DO NOTHING). Publishes {@link MealSold}.
 */
@Service
@RequiredArgsConstructor
public class CounterSales {

	static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

	private final MealsRepository repository;

	private final ResidentRegister residents;

	private final FieldErrors fieldErrors;

	private final MessageSource messages;

	private final ApplicationEventPublisher events;

	@Transactional
	public SaleReceipt sell(SaleRequest r) {
		Actor actor = MealsAccess.seller();
		MealsRepository.Place place = repository.place(placeOf(actor))
			.orElseThrow(() -> new ForbiddenException("This terminal is bound to no place"));
		String setMeal = messages.getMessage("meals.sale.setMeal", null, "套餐", LocaleContextHolder.getLocale());
		SaleValidation.Outcome outcome = SaleValidation.check(r, setMeal, place.setMealPrice());
		fieldErrors.failIfAny("meals.sale.error.invalid", outcome.problems());
		String key = trim(r.idempotencyKey());
		Optional<MealsRepository.Sale> earlier = repository.sale(place.id(), key);
		if (earlier.isPresent()) {
			return SaleReceipt.of(earlier.get());
		}
		MealsRepository.Diner diner = diner(r);
		LocalDate day = LocalDate.now(ZONE);
		SubsidyRules.Subsidy subsidy = SubsidyRules.Subsidy.none();
		if (diner != null) {
			BigDecimal used = repository.lockMonth(diner.id(), day.withDayOfMonth(1));
			earlier = repository.sale(place.id(), key);
			if (earlier.isPresent()) {
				return SaleReceipt.of(earlier.get());
			}
			var eligibility = residents.lookup(diner.residentId()).map(DinerEligibility::of).orElse(null);
			boolean paused = repository.enrolment(diner.id())
				.map(e -> EnrolmentRules.pausedOn(e.pausedFrom(), e.resumeOn(), day))
				.orElse(false);
			subsidy = paused ? SubsidyRules.Subsidy.none()
					: SubsidyRules.subsidy(repository.rulesFor(diner.territoryPath(), day), eligibility,
							diner.territoryPath(), day, outcome.price(), used);
		}
		BigDecimal paid = outcome.price().subtract(subsidy.amount());
		Long dinerId = diner == null ? null : diner.id();
		Optional<Long> id = repository.insertSale(place.id(), key, dinerId, day, outcome.items(), outcome.price(),
				subsidy.amount(), paid, subsidy.ruleId(), actor.name());
		if (id.isEmpty()) {
			return SaleReceipt.of(repository.sale(place.id(), key).orElseThrow());
		}
		repository.insertSaleParts(id.get(), subsidy.parts());
		if (diner != null && subsidy.amount().signum() > 0) {
			repository.addUsed(diner.id(), day.withDayOfMonth(1), subsidy.amount());
		}
		events.publishEvent(new MealSold(id.get(), place.id(), dinerId, day, outcome.price(), subsidy.amount(), paid,
				subsidy.ruleId()));
		return new SaleReceipt(id.get(), outcome.price(), subsidy.amount(), paid);
	}

	/** The place the terminal is bound to, or the one the operator runs; 403 if none. */
	long placeOf(Actor actor) {
		if (MealsAccess.isTerminal(actor)) {
			return repository.placeOfTerminal(MealsAccess.keyName(actor))
				.orElseThrow(() -> new ForbiddenException("This terminal is bound to no place"));
		}
		List<Long> places = repository.placesOfOperator(actor.name());
		if (places.isEmpty()) {
			throw new ForbiddenException("This account operates no place");
		}
		return places.get(0);
	}

	/** The diner named by id or card, {@code null} for a walk-in; 400 if unknown. */
	private MealsRepository.Diner diner(SaleRequest r) {
		if (r.dinerId() != null) {
			return repository.diner(r.dinerId())
				.orElseThrow(() -> fieldErrors.invalid("meals.sale.error.invalid",
						List.of(new FieldError("dinerId", "meals.sale.error.unknownDiner"))));
		}
		String card = trim(r.cardNumber());
		if (card != null) {
			return repository.dinerByCard(card)
				.orElseThrow(() -> fieldErrors.invalid("meals.sale.error.invalid",
						List.of(new FieldError("cardNumber", "meals.sale.error.unknownDiner"))));
		}
		return null;
	}
}
