package org.jinlin.meals.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZonedDateTime;
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
		MealsRepository.Place place = sellingPlace(actor);
		SaleValidation.Outcome outcome = validate(r, place);
		String key = trim(r.idempotencyKey());
		Optional<MealsRepository.Sale> earlier = repository.sale(place.id(), key);
		if (earlier.isPresent()) {
			return SaleReceipt.of(earlier.get());
		}
		ZonedDateTime now = ZonedDateTime.now(ZONE);
		if (repository.monthClosed(place.id(), now.toLocalDate().withDayOfMonth(1))) {
			throw fieldErrors.conflict("meals.settlement.error.closed", YearMonth.from(now).toString());
		}
		return write(place, key, diner(r), now, outcome, actor.name(), true);
	}

	/**
	 * A sale written as the counter would, at a given time, for a seeded city (no caller, no closed-month check): the
	 * set meal of the day, the subsidy of the rules; publishes no event. The same key returns the same sale.
	 */
	@Transactional
	public SaleReceipt recordUnchecked(long placeId, Long dinerId, ZonedDateTime at, String key, String by) {
		MealsRepository.Place place = repository.place(placeId).orElseThrow();
		String setMeal = messages.getMessage("meals.sale.setMeal", null, "套餐", java.util.Locale.SIMPLIFIED_CHINESE);
		SaleValidation.Outcome outcome = SaleValidation.check(new SaleRequest(null, null, null, key), setMeal,
				place.setMealPrice());
		return write(place, key, dinerId == null ? null : repository.diner(dinerId).orElseThrow(), at, outcome, by, false);
	}

	private SaleReceipt write(MealsRepository.Place place, String key, MealsRepository.Diner diner, ZonedDateTime at,
			SaleValidation.Outcome outcome, String by, boolean publish) {
		LocalDate day = at.toLocalDate();
		SubsidyRules.Subsidy subsidy = SubsidyRules.Subsidy.none();
		if (diner != null) {
			BigDecimal used = repository.lockMonth(diner.id(), day.withDayOfMonth(1));
			Optional<MealsRepository.Sale> earlier = repository.sale(place.id(), key);
			if (earlier.isPresent()) {
				return SaleReceipt.of(earlier.get());
			}
			subsidy = subsidy(diner, day, outcome.price(), used);
		}
		BigDecimal paid = outcome.price().subtract(subsidy.amount());
		Long dinerId = diner == null ? null : diner.id();
		Optional<Long> id = repository.insertSale(place.id(), key, dinerId, day, at.toOffsetDateTime(),
				SampleRules.mealAt(at.toLocalTime()), outcome.items(), outcome.price(), subsidy.amount(), paid,
				subsidy.ruleId(), SubsidyRules.tierCode(subsidy.tier()), by);
		if (id.isEmpty()) {
			return SaleReceipt.of(repository.sale(place.id(), key).orElseThrow());
		}
		repository.insertSaleParts(id.get(), subsidy.parts());
		if (diner != null && subsidy.amount().signum() > 0) {
			repository.addUsed(diner.id(), day.withDayOfMonth(1), subsidy.amount());
		}
		if (publish) {
			events.publishEvent(new MealSold(id.get(), place.id(), dinerId, day, outcome.price(), subsidy.amount(), paid,
					subsidy.ruleId()));
		}
		return new SaleReceipt(id.get(), outcome.price(), subsidy.amount(), paid);
	}

	/**
	 * What {@link #sell} would charge, without writing anything: the same validation and the same {@link SubsidyRules}
	 * over what the diner has used this month so far (the sale itself re-reads it under the month's lock).
	 */
	@Transactional(readOnly = true)
	public SaleQuote preview(SaleRequest r) {
		Actor actor = MealsAccess.seller();
		MealsRepository.Place place = sellingPlace(actor);
		SaleValidation.Outcome outcome = validate(r, place);
		MealsRepository.Diner diner = diner(r);
		LocalDate day = LocalDate.now(ZONE);
		SubsidyRules.Subsidy subsidy = diner == null ? SubsidyRules.Subsidy.none()
				: subsidy(diner, day, outcome.price(), repository.usedInMonth(diner.id(), day.withDayOfMonth(1)));
		return new SaleQuote(outcome.items(), outcome.price(), subsidy.amount(), outcome.price().subtract(subsidy.amount()),
				diner == null ? null : diner.id(), subsidy.parts());
	}

	/** The place where the current seller sells: her terminal's or the one she operates; 403 if none. */
	@Transactional(readOnly = true)
	public long sellingPlace() {
		return sellingPlace(MealsAccess.seller()).id();
	}

	private MealsRepository.Place sellingPlace(Actor actor) {
		return repository.place(placeOf(actor)).orElseThrow(() -> new ForbiddenException("This terminal is bound to no place"));
	}

	private SaleValidation.Outcome validate(SaleRequest r, MealsRepository.Place place) {
		String setMeal = messages.getMessage("meals.sale.setMeal", null, "套餐", LocaleContextHolder.getLocale());
		SaleValidation.Outcome outcome = SaleValidation.check(r, setMeal, place.setMealPrice());
		fieldErrors.failIfAny("meals.sale.error.invalid", outcome.problems());
		return outcome;
	}

	/** The subsidy of a meal for an enrolled diner: none while her enrolment is paused. */
	private SubsidyRules.Subsidy subsidy(MealsRepository.Diner diner, LocalDate day, BigDecimal price, BigDecimal used) {
		var eligibility = residents.lookup(diner.residentId()).map(DinerEligibility::of).orElse(null);
		boolean paused = repository.enrolment(diner.id())
			.map(e -> EnrolmentRules.pausedOn(e.pausedFrom(), e.resumeOn(), day))
			.orElse(false);
		return paused ? SubsidyRules.Subsidy.none()
				: SubsidyRules.subsidy(repository.rulesFor(diner.territoryPath(), day), eligibility, diner.territoryPath(), day,
						price, used);
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
