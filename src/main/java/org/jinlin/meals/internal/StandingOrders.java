package org.jinlin.meals.internal;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

import lombok.RequiredArgsConstructor;
import org.jinlin.meals.DietNeed;
import org.jinlin.shared.Actor;
import org.jinlin.shared.NotFoundException;
import org.jinlin.shared.web.FieldErrors;
import org.jinlin.shared.web.FieldErrors.FieldError;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Standing orders ("every weekday lunch"): the set meal of the day (the first dish that meets her diets when the set
 * meal does not), materialised as ordinary orders for the days of the coming week whose cut-off is still ahead. They
 * are materialised when the standing order is made and then by an hourly db-scheduler timer (one instance), not on
 * reading: the kitchen's counts and the elder's "my meals" then show real orders she can cancel day by day, a
 * cancelled day stays cancelled (one order row per diner, day and meal), and a menu published later is picked up
 * within the hour, before the cut-off.
 */
@Service
@RequiredArgsConstructor
public class StandingOrders {

	static final int HORIZON_DAYS = 7;

	private final MealsRepository meals;

	private final MenuRepository menus;

	private final OrderRepository orders;

	private final MealOrders mealOrders;

	private final MealMenus menuService;

	private final FieldErrors fieldErrors;

	@Transactional
	public long create(StandingOrderForm form) {
		Actor actor = MealsAccess.orderer();
		MealsRepository.Enrolment diner = mealOrders.diner(actor, form.dinerId());
		LocalDate tomorrow = LocalDate.now(CounterSales.ZONE).plusDays(1);
		LocalDate from = form.from() == null ? tomorrow : form.from();
		List<FieldError> p = new ArrayList<>();
		if (form.meal() == null) {
			p.add(new FieldError("meal", "meals.error.required"));
		}
		if (form.weekdays() == null || form.weekdays().isEmpty()) {
			p.add(new FieldError("weekdays", "meals.error.required"));
		}
		if (from.isBefore(tomorrow)) {
			p.add(new FieldError("from", "meals.order.error.past"));
		}
		if (form.until() != null && form.until().isBefore(from)) {
			p.add(new FieldError("until", "meals.diner.error.resumeBeforePause"));
		}
		fieldErrors.failIfAny(MealOrders.INVALID, p);
		long id = orders.insertStanding(diner.id(), form.meal(), form.weekdays(), from, form.until(), actor.name());
		materialise(orders.standing(id).orElseThrow(), LocalDateTime.now(CounterSales.ZONE), actor.name());
		return id;
	}

	/** Ends a standing order today and cancels its orders that are still open. */
	@Transactional
	public void end(long id) {
		Actor actor = MealsAccess.orderer();
		OrderRepository.StandingOrder s = orders.standing(id).orElseThrow(() -> new NotFoundException("No standing order " + id));
		mealOrders.diner(actor, s.dinerId());
		LocalDate today = LocalDate.now(CounterSales.ZONE);
		orders.endStanding(id, today.isBefore(s.validFrom()) ? s.validFrom() : today);
		for (OrderRepository.Order o : orders.ofDiner(s.dinerId(), today.plusDays(1))) {
			if (o.placed() && Long.valueOf(id).equals(o.standingOrderId()) && mealOrders.open(o.placeId(), o.day())) {
				orders.cancel(o.id(), false, actor.name());
			}
		}
	}

	/** The elder's running standing orders. */
	@Transactional(readOnly = true)
	public List<OrderRepository.StandingOrder> mine() {
		Actor actor = MealsAccess.selfDiner();
		return meals.enrolmentOfResident(actor.residentId())
			.map(e -> orders.standingOf(e.id(), LocalDate.now(CounterSales.ZONE)))
			.orElse(List.of());
	}

	/** The timer: every running standing order's orders for the coming week; answers how many were written. */
	@Transactional
	public int materialiseAll(LocalDateTime now) {
		int written = 0;
		for (OrderRepository.StandingOrder s : orders.standingRunning(now.toLocalDate())) {
			written += materialise(s, now, "system:standing-order");
		}
		return written;
	}

	int materialise(OrderRepository.StandingOrder s, LocalDateTime now, String by) {
		MealsRepository.Enrolment diner = meals.enrolment(s.dinerId()).orElse(null);
		if (diner == null || diner.placeId() == null) {
			return 0;
		}
		LocalTime cutoff = menuService.cutoff(diner.placeId());
		Set<DietNeed> needs = mealOrders.needs(diner);
		LocalDate today = now.toLocalDate();
		int written = 0;
		for (LocalDate day : OrderRules.days(s.weekdays(), s.validFrom(), s.validTo(), today.plusDays(1),
				today.plusDays(HORIZON_DAYS))) {
			if (!OrderRules.open(day, cutoff, now) || EnrolmentRules.pausedOn(diner.pausedFrom(), diner.resumeOn(), day)) {
				continue;
			}
			MenuRepository.MenuItem item = menus.items(diner.placeId(), day, day)
				.stream()
				.filter(i -> i.meal() == s.meal() && OrderRules.unmet(needs, i.diets()).isEmpty())
				.min(Comparator.comparing((MenuRepository.MenuItem i) -> !i.setMeal()).thenComparingInt(MenuRepository.MenuItem::line))
				.orElse(null);
			if (item != null && orders.placeIfAbsent(new OrderRepository.NewOrder(diner.id(), diner.placeId(), day, s.meal(),
					item.id(), item.name(), item.price(), OrderRules.encode(needs), diner.homeDelivery(), s.id(), false), by)) {
				written++;
			}
		}
		return written;
	}
}
