package org.jinlin.meals.internal;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.List;

import lombok.RequiredArgsConstructor;
import org.jinlin.meals.MonthSettled;
import org.jinlin.shared.Actor;
import org.jinlin.shared.NotFoundException;
import org.jinlin.shared.web.FieldErrors;
import org.jinlin.shared.web.FieldErrors.FieldError;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The monthly settlement of a canteen with the street: the statement is read from the month's sales (meals served,
 * subsidy by funding source and tier, amounts paid by the elders); the canteen submits a month that is over, the
 * street approves it; an approved month is closed ({@link CounterSales} refuses a sale dated in it) and its statement
 * no longer changes. Publishes {@link MonthSettled}. Staff see the places of their jurisdiction (another's: 404), an
 * operator her own.
 */
@Service
@RequiredArgsConstructor
public class Settlements {

	private final SettlementRepository repository;

	private final MealsRepository meals;

	private final FieldErrors fieldErrors;

	private final ApplicationEventPublisher events;

	@Transactional(readOnly = true)
	public Statement statement(Long place, String month) {
		Actor actor = MealsAccess.safetyReader();
		MealsRepository.Place p = place(actor, place, month);
		return statement(actor, p, month(month));
	}

	@Transactional
	public Statement submit(Long place, String month) {
		Actor actor = MealsAccess.sampleLogger();
		MealsRepository.Place p = place(actor, place, month);
		YearMonth m = month(month);
		if (!m.isBefore(YearMonth.now(CounterSales.ZONE))) {
			throw fieldErrors.conflict("meals.settlement.error.notOver", m.toString());
		}
		if (!repository.submit(p.id(), m.atDay(1), repository.totals(p.id(), m.atDay(1), m.atEndOfMonth()), actor.name())) {
			throw fieldErrors.conflict("meals.settlement.error.approved", m.toString());
		}
		return statement(actor, p, m);
	}

	@Transactional
	public Statement approve(Long place, String month) {
		Actor actor = MealsAccess.settlementApprover();
		MealsRepository.Place p = place(actor, place, month);
		YearMonth m = month(month);
		var row = repository.row(p.id(), m.atDay(1));
		if (row.isEmpty()) {
			throw fieldErrors.conflict("meals.settlement.error.notSubmitted", m.toString());
		}
		if (!repository.approve(p.id(), m.atDay(1), actor.name())) {
			throw fieldErrors.conflict("meals.settlement.error.approved", m.toString());
		}
		var t = row.get().totals();
		events.publishEvent(new MonthSettled(p.id(), m.toString(), t.meals(), t.subsidy(), t.paid(), actor.name()));
		return statement(actor, p, m);
	}

	private Statement statement(Actor actor, MealsRepository.Place p, YearMonth m) {
		LocalDate from = m.atDay(1);
		LocalDate to = m.atEndOfMonth();
		var row = repository.row(p.id(), from).orElse(null);
		String status = row == null ? "OPEN" : row.status();
		var totals = row != null && "APPROVED".equals(status) ? row.totals() : repository.totals(p.id(), from, to);
		boolean over = m.isBefore(YearMonth.now(CounterSales.ZONE));
		return new Statement(p.id(), m.toString(), status, totals.meals(), totals.price(), totals.subsidy(), totals.paid(),
				repository.bySource(p.id(), from, to), repository.byTier(p.id(), from, to),
				row == null ? null : row.submittedBy(), row == null ? null : row.submittedAt(),
				row == null ? null : row.approvedBy(), row == null ? null : row.approvedAt(),
				over && !"APPROVED".equals(status) && MealsAccess.isOperator(actor),
				"SUBMITTED".equals(status) && MealsAccess.canApproveSettlements(actor));
	}

	/** The place asked for (an operator: hers by default); 400 without one, 404 outside the caller's reach. */
	private MealsRepository.Place place(Actor actor, Long place, String month) {
		List<Long> own = MealsAccess.isOperator(actor) ? meals.placesOfOperator(actor.name()) : null;
		Long id = place != null ? place : own != null && !own.isEmpty() ? own.get(0) : null;
		if (id == null) {
			throw fieldErrors.invalid("meals.settlement.error.invalid", List.of(new FieldError("place", "meals.error.required")));
		}
		MealsRepository.Place p = meals.place(id).orElseThrow(() -> new NotFoundException("No place " + id));
		if (own != null ? !own.contains(p.id()) : !actor.covers(p.territoryPath())) {
			throw new NotFoundException("No place " + id);
		}
		return p;
	}

	/** {@code yyyy-MM}; last month when not given; 400 if malformed or to come. */
	YearMonth month(String month) {
		YearMonth now = YearMonth.now(CounterSales.ZONE);
		if (month == null || month.isBlank()) {
			return now.minusMonths(1);
		}
		try {
			YearMonth m = YearMonth.parse(month.trim());
			if (m.isAfter(now)) {
				throw fieldErrors.invalid("meals.settlement.error.invalid",
						List.of(new FieldError("month", "meals.settlement.error.future")));
			}
			return m;
		}
		catch (DateTimeParseException e) {
			throw fieldErrors.invalid("meals.settlement.error.invalid", List.of(new FieldError("month", "meals.error.format")));
		}
	}
}
